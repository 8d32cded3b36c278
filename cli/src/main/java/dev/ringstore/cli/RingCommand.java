package dev.ringstore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.cli.ConfigServiceConnection.ConfigRefusedException;
import dev.ringstore.config.client.Routing;
import dev.ringstore.ring.BucketTableJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore ring}: the cluster's current bucket table as the config service holds it — and,
 * while buckets move, the target table — or with {@code simulate} the table a cluster of a given
 * shape would get.
 */
@Command(
    name = "ring",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the cluster's bucket table, or simulates one.",
      "Without a subcommand: the config service's table, its version, the members with",
      "their bucket-replicas, and whether a transfer runs. JSON: the form of `ring",
      "simulate --json` (docs/ring.md) with \"version\", plus \"target\" (the same form)",
      "while a transfer runs."
    },
    subcommands = {SimulateCommand.class})
final class RingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigServiceOptions service;

  @Override
  public Integer call() {
    Routing routing;
    try (ConfigServiceConnection config = service.connect()) {
      routing =
          config
              .routing()
              .orElseThrow(
                  () ->
                      new ConfigRefusedException(
                          "the cluster has no table yet: plan one with `ringstore plan join`,"
                              + " then `ringstore commit`"));
    }
    var out = spec.commandLine().getOut();
    if (service.json) {
      out.println(json(routing));
    } else {
      out.print(text(routing));
    }
    return 0;
  }

  static ObjectNode json(Routing routing) {
    BucketTableJson form = new BucketTableJson(new ObjectMapper());
    ObjectNode json = form.toJson(routing.current(), true);
    json.put("version", routing.version());
    if (routing.inTransfer()) {
      json.set("target", form.toJson(routing.target(), true));
    }
    return json;
  }

  static String text(Routing routing) {
    StringBuilder out = new StringBuilder(String.format("table v%d%n", routing.version()));
    out.append(PlacementReport.ofTable(routing.current())).append("\n\n");
    if (routing.inTransfer()) {
      out.append("a transfer runs: buckets are moving to this target table")
          .append(" (`ringstore status` shows the progress)\n\n");
      out.append(PlacementReport.ofTable(routing.target())).append('\n');
    } else {
      out.append("no transfer running\n");
    }
    return out.toString();
  }
}
