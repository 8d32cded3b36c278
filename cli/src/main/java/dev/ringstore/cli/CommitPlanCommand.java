package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore commit}: makes the staged plan the next table version. With moves, that version
 * is the transfer (writes go to old and new owners); the service commits the final table itself
 * once every bucket has been copied.
 */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    description = {
      "Commits the planned change as the next table version.",
      "Buckets then move while the cluster serves, and the config service commits the",
      "final table once they have (`ringstore status` shows the progress).",
      "JSON: {\"version\": V, \"change\": ..., \"moves\": M}."
    })
final class CommitPlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigServiceOptions service;

  @Override
  public Integer call() {
    JsonNode committed;
    try (ConfigServiceConnection config = service.connect()) {
      committed = config.commit();
    }
    spec.commandLine()
        .getOut()
        .print(service.json ? committed + "\n" : PlanView.committed(committed));
    return 0;
  }
}
