package dev.ringstore.cli;

import dev.ringstore.node.cluster.AntiEntropySettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code ringstore node}'s anti-entropy options, each defaulting to {@link AntiEntropySettings}.
 */
final class AntiEntropyFlags {
  @Option(
      names = "--anti-entropy-interval",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "How often to start a Merkle-tree exchange of a bucket a root sweep found different;"
              + " 0ms turns anti-entropy off. Default: 25ms.")
  Duration interval;

  @Option(
      names = "--anti-entropy-sweep-interval",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "How often to compare the Merkle roots of every shared bucket with each peer (one"
              + " message per peer). Default: 1s.")
  Duration sweepInterval;

  @Option(
      names = "--anti-entropy-bytes-per-second",
      paramLabel = "BYTES",
      description = "Most bytes of tree messages sent per second. Default: 1048576.")
  Integer bytesPerSecond;

  AntiEntropySettings apply(AntiEntropySettings defaults) {
    AntiEntropySettings settings = defaults;
    if (interval != null) {
      settings = settings.withInterval(interval);
    }
    if (sweepInterval != null) {
      if (sweepInterval.isZero() || sweepInterval.isNegative()) {
        throw new IllegalArgumentException("--anti-entropy-sweep-interval must be positive");
      }
      settings = settings.withSweepInterval(sweepInterval);
    }
    if (bytesPerSecond != null) {
      if (bytesPerSecond < 1) {
        throw new IllegalArgumentException("--anti-entropy-bytes-per-second must be at least 1");
      }
      settings = settings.withBytesPerSecond(bytesPerSecond);
    }
    return settings;
  }
}
