package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ringstore plan cancel}: drops the staged plan; a committed change is not undone. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Drops the planned change, if any.",
      "A committed change is not undone. JSON: {\"cancelled\": true|false} (false:",
      "nothing was planned)."
    })
final class PlanCancelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigServiceOptions service;

  @Override
  public Integer call() {
    JsonNode answer;
    try (ConfigServiceConnection config = service.connect()) {
      answer = config.cancel();
    }
    spec.commandLine()
        .getOut()
        .println(
            service.json
                ? answer.toString()
                : answer.path("cancelled").asBoolean()
                    ? "dropped the planned change"
                    : "nothing was planned");
    return 0;
  }
}
