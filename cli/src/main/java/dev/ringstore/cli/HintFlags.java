package dev.ringstore.cli;

import dev.ringstore.node.cluster.HintSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code ringstore node}'s hinted handoff options, each defaulting to {@link HintSettings}. */
final class HintFlags {
  @Option(
      names = "--hint-window",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "Store no new hints for a node down longer than this; its writes are left to"
              + " anti-entropy. Default: 3h.")
  Duration window;

  @Option(
      names = "--hint-ttl",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "Drop a hint whose newest write is older than this, whether or not its target is up."
              + " Default: 10d.")
  Duration ttl;

  @Option(
      names = "--hint-max-bytes",
      converter = ByteSizeOption.class,
      paramLabel = "SIZE",
      description =
          "Most bytes of hints held for one target; beyond it new hints for that target are"
              + " dropped and left to anti-entropy. Default: 1GiB.")
  Long maxBytesPerTarget;

  @Option(
      names = "--hint-replay-rate",
      paramLabel = "HINTS_PER_SECOND",
      description = "Most hints replayed per second, over all targets. Default: 5000.")
  Integer replayPerSecond;

  HintSettings apply(HintSettings defaults) {
    HintSettings settings = defaults;
    if (window != null) {
      settings = settings.withWindow(window);
    }
    if (ttl != null) {
      settings = settings.withTtl(ttl);
    }
    if (maxBytesPerTarget != null) {
      if (maxBytesPerTarget < 1) {
        throw new IllegalArgumentException("--hint-max-bytes must be at least 1");
      }
      settings = settings.withMaxBytesPerTarget(maxBytesPerTarget);
    }
    if (replayPerSecond != null) {
      if (replayPerSecond < 1) {
        throw new IllegalArgumentException("--hint-replay-rate must be at least 1");
      }
      settings = settings.withReplayPerSecond(replayPerSecond);
    }
    return settings;
  }
}
