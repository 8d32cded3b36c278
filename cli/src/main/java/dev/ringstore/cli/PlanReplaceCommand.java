package dev.ringstore.cli;

import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanReplace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ringstore plan replace OLD NEW}: a node that asked to join takes a member's place. */
@Command(
    name = "replace",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a new node taking a member's place.",
      "NEW, a node that asked to join, takes over every bucket of OLD, which is `left`",
      "once they have moved."
    })
final class PlanReplaceCommand extends PlanSubcommand {
  @Parameters(index = "0", paramLabel = "OLD", description = "The member replaced.")
  String old;

  @Parameters(index = "1", paramLabel = "NEW", description = "The node taking its place.")
  String replacement;

  @Override
  PlanCommand change(ConfigServiceConnection config) {
    return PlanCommand.newBuilder()
        .setReplace(
            PlanReplace.newBuilder().setOld(nodeId(old)).setReplacement(nodeId(replacement)))
        .build();
  }
}
