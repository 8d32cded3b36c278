package dev.ringstore.cli;

import dev.ringstore.protocol.v1.PlanCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ringstore plan leave NODE}: a member hands its buckets to the others, then is left. */
@Command(
    name = "leave",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a member's leave.",
      "It keeps serving while its buckets move to the others and is `left` once they",
      "have; then stop it."
    })
final class PlanLeaveCommand extends PlanSubcommand {
  @Parameters(index = "0", paramLabel = "NODE", description = "The member that leaves.")
  String node;

  @Override
  PlanCommand change(ConfigServiceConnection config) {
    return PlanCommand.newBuilder().setLeave(nodeId(node)).build();
  }
}
