package dev.ringstore.cli;

import picocli.CommandLine.Command;

/**
 * {@code ringstore plan}: stages one membership change at the config service, which shows the table
 * it would make; {@code ringstore commit} applies it. One plan is staged at a time (a new one
 * replaces it), and none while a transfer runs.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a membership change and shows the table it would make.",
      "Shows the moves, the bytes they carry, zone violations and every node's",
      "bucket-replicas after. `ringstore commit` applies the plan; a new plan replaces",
      "the staged one. JSON: the config service's plan (docs/local.md)."
    },
    subcommands = {
      PlanJoinCommand.class,
      PlanLeaveCommand.class,
      PlanReplaceCommand.class,
      PlanRemoveDeadCommand.class,
      PlanCancelCommand.class
    })
final class ChangePlanCommand {}
