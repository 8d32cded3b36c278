package dev.ringstore.cli;

import dev.ringstore.node.cluster.TombstoneSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code ringstore node}'s tombstone options, each defaulting to {@link TombstoneSettings}. */
final class TombstoneFlags {
  @Option(
      names = "--tombstone-reap-delay",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "How long a deleted key's tombstone stays before it is reaped, once every primary"
              + " holds it (Riak's delete_mode). Default: 1h.")
  Duration reapDelay;

  TombstoneSettings apply(TombstoneSettings defaults) {
    if (reapDelay == null) {
      return defaults;
    }
    if (reapDelay.isNegative()) {
      throw new IllegalArgumentException("--tombstone-reap-delay must not be negative");
    }
    return defaults.withReapDelay(reapDelay);
  }
}
