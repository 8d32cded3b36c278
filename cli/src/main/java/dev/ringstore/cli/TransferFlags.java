package dev.ringstore.cli;

import dev.ringstore.node.cluster.TransferSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code ringstore node}'s bucket-transfer options (docs/transfer.md), each defaulting to {@link
 * TransferSettings}.
 */
final class TransferFlags {
  @Option(
      names = "--transfer-bytes-per-second",
      paramLabel = "BYTES",
      description =
          "Most bytes this node receives per second over its incoming bucket transfers."
              + " Default: 16777216 (16 MiB).")
  Integer bytesPerSecond;

  @Option(
      names = "--transfer-grace",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "How long this node keeps a bucket it no longer owns before deleting it, so that"
              + " clients on the previous table still find the data. Default: 30s.")
  Duration grace;

  TransferSettings apply(TransferSettings defaults) {
    TransferSettings settings = defaults;
    if (bytesPerSecond != null) {
      if (bytesPerSecond < 1) {
        throw new IllegalArgumentException("--transfer-bytes-per-second must be at least 1");
      }
      settings = settings.withBytesPerSecond(bytesPerSecond);
    }
    if (grace != null) {
      settings = settings.withGrace(grace);
    }
    return settings;
  }
}
