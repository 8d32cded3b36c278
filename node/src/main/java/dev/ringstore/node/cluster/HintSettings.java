package dev.ringstore.node.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Hinted handoff's limits, as Cassandra names them.
 *
 * @param window how long a target may be down and still get new hints stored for it ({@code
 *     max_hint_window}); writes for a node down longer are left to anti-entropy, default {@link
 *     #WINDOW_DEFAULT}
 * @param ttl a hint whose newest write is older than this is dropped instead of replayed, default
 *     {@link #TTL_DEFAULT}
 * @param replayInterval how often the hint queues are checked for reachable targets, default {@link
 *     #REPLAY_INTERVAL_DEFAULT}
 * @param replayPerSecond the most hints replayed per second, over all targets, default {@value
 *     #REPLAY_PER_SECOND_DEFAULT}
 */
public record HintSettings(
    Duration window, Duration ttl, Duration replayInterval, int replayPerSecond) {
  public static final Duration WINDOW_DEFAULT = Duration.ofHours(3);
  public static final Duration TTL_DEFAULT = Duration.ofDays(10);
  public static final Duration REPLAY_INTERVAL_DEFAULT = Duration.ofSeconds(1);
  public static final int REPLAY_PER_SECOND_DEFAULT = 5_000;

  public static final HintSettings DEFAULTS =
      new HintSettings(
          WINDOW_DEFAULT, TTL_DEFAULT, REPLAY_INTERVAL_DEFAULT, REPLAY_PER_SECOND_DEFAULT);

  public HintSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(replayInterval, "replayInterval");
    if (window.isNegative() || ttl.isNegative() || replayInterval.isNegative()) {
      throw new IllegalArgumentException("hint durations must not be negative");
    }
    if (replayPerSecond < 1) {
      throw new IllegalArgumentException("the replay rate must be positive");
    }
  }

  public HintSettings withWindow(Duration value) {
    return new HintSettings(value, ttl, replayInterval, replayPerSecond);
  }

  public HintSettings withTtl(Duration value) {
    return new HintSettings(window, value, replayInterval, replayPerSecond);
  }

  public HintSettings withReplayInterval(Duration value) {
    return new HintSettings(window, ttl, value, replayPerSecond);
  }

  public HintSettings withReplayPerSecond(int value) {
    return new HintSettings(window, ttl, replayInterval, value);
  }
}
