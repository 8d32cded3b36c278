package dev.ringstore.cli;

import dev.ringstore.protocol.v1.PlanCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ringstore plan remove-dead NODE}: drops a member that is gone for good; the others copy
 * its buckets from the remaining replicas.
 */
@Command(
    name = "remove-dead",
    mixinStandardHelpOptions = true,
    description = {
      "Plans removing a member that is gone for good.",
      "Its buckets are copied to the others from their remaining replicas, and it is",
      "marked `removed`."
    })
final class PlanRemoveDeadCommand extends PlanSubcommand {
  @Parameters(index = "0", paramLabel = "NODE", description = "The dead member.")
  String node;

  @Override
  PlanCommand change(ConfigServiceConnection config) {
    return PlanCommand.newBuilder().setRemoveDead(nodeId(node)).build();
  }
}
