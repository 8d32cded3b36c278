package dev.ringstore.cli;

import picocli.CommandLine.Command;

/** {@code ringstore ring}: the bucket table and its placement. */
@Command(
    name = "ring",
    mixinStandardHelpOptions = true,
    description = "Bucket placement on the consistent-hash ring.",
    subcommands = {SimulateCommand.class})
final class RingCommand {}
