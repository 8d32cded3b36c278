package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.PlanCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the {@code ringstore plan} changes share: each builds its {@link PlanCommand}, stages it at
 * the config service and prints the plan — the service's JSON with {@code --json}, else a summary
 * ({@link PlanView}). A refusal is one line on stderr and exit 1.
 */
abstract class PlanSubcommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigServiceOptions service;

  /** The change to stage; may ask the service (e.g. whether the cluster has a table). */
  abstract PlanCommand change(ConfigServiceConnection config);

  @Override
  public Integer call() {
    JsonNode plan;
    try (ConfigServiceConnection config = service.connect()) {
      plan = config.plan(change(config));
    }
    spec.commandLine().getOut().print(service.json ? plan + "\n" : PlanView.plan(plan));
    return 0;
  }

  /** Checks a node id the way the service will, so that a typo is a usage error (exit 2). */
  static String nodeId(String id) {
    return NodeId.of(id).value();
  }
}
