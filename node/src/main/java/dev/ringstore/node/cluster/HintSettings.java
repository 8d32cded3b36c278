package dev.ringstore.node.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Hinted handoff's limits, as Cassandra names them. Every node that holds hints enforces them, the
 * coordinator of a write and a fallback standing in for a primary alike.
 *
 * @param window how long a target may be down (as this node's liveness sees it) and still get new
 *     hints stored for it ({@code max_hint_window}); writes for a node down longer are left to
 *     anti-entropy, default {@link #WINDOW_DEFAULT}
 * @param ttl a hint whose newest write is older than this is dropped, whether or not its target is
 *     live, default {@link #TTL_DEFAULT}
 * @param replayInterval how often the hint queues are checked for reachable targets, default {@link
 *     #REPLAY_INTERVAL_DEFAULT}
 * @param replayPerSecond the most hints replayed per second, over all targets, default {@value
 *     #REPLAY_PER_SECOND_DEFAULT}
 * @param maxBytesPerTarget the most bytes of hints (user keys plus encoded values) held for one
 *     target; while a target's queue is at the cap new hints for it are dropped, default {@value
 *     #MAX_BYTES_PER_TARGET_DEFAULT} (1 GiB)
 * @param sweepInterval how often every queue is scanned for hints past the TTL, default {@link
 *     #SWEEP_INTERVAL_DEFAULT}
 * @param leaveTimeout how long a node that left the cluster spends handing its hints on before it
 *     exits, default {@link #LEAVE_TIMEOUT_DEFAULT}
 */
public record HintSettings(
    Duration window,
    Duration ttl,
    Duration replayInterval,
    int replayPerSecond,
    long maxBytesPerTarget,
    Duration sweepInterval,
    Duration leaveTimeout) {
  public static final Duration WINDOW_DEFAULT = Duration.ofHours(3);
  public static final Duration TTL_DEFAULT = Duration.ofDays(10);
  public static final Duration REPLAY_INTERVAL_DEFAULT = Duration.ofSeconds(1);
  public static final int REPLAY_PER_SECOND_DEFAULT = 5_000;
  public static final long MAX_BYTES_PER_TARGET_DEFAULT = 1L << 30;
  public static final Duration SWEEP_INTERVAL_DEFAULT = Duration.ofMinutes(10);
  public static final Duration LEAVE_TIMEOUT_DEFAULT = Duration.ofMinutes(2);

  public static final HintSettings DEFAULTS =
      new HintSettings(
          WINDOW_DEFAULT,
          TTL_DEFAULT,
          REPLAY_INTERVAL_DEFAULT,
          REPLAY_PER_SECOND_DEFAULT,
          MAX_BYTES_PER_TARGET_DEFAULT,
          SWEEP_INTERVAL_DEFAULT,
          LEAVE_TIMEOUT_DEFAULT);

  public HintSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(replayInterval, "replayInterval");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(leaveTimeout, "leaveTimeout");
    if (window.isNegative()
        || ttl.isNegative()
        || replayInterval.isNegative()
        || leaveTimeout.isNegative()) {
      throw new IllegalArgumentException("hint durations must not be negative");
    }
    if (sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("the hint sweep interval must be positive");
    }
    if (replayPerSecond < 1) {
      throw new IllegalArgumentException("the replay rate must be positive");
    }
    if (maxBytesPerTarget < 1) {
      throw new IllegalArgumentException("the hint byte cap per target must be positive");
    }
  }

  public HintSettings withWindow(Duration value) {
    return new HintSettings(
        value,
        ttl,
        replayInterval,
        replayPerSecond,
        maxBytesPerTarget,
        sweepInterval,
        leaveTimeout);
  }

  public HintSettings withTtl(Duration value) {
    return new HintSettings(
        window,
        value,
        replayInterval,
        replayPerSecond,
        maxBytesPerTarget,
        sweepInterval,
        leaveTimeout);
  }

  public HintSettings withReplayInterval(Duration value) {
    return new HintSettings(
        window, ttl, value, replayPerSecond, maxBytesPerTarget, sweepInterval, leaveTimeout);
  }

  public HintSettings withReplayPerSecond(int value) {
    return new HintSettings(
        window, ttl, replayInterval, value, maxBytesPerTarget, sweepInterval, leaveTimeout);
  }

  public HintSettings withMaxBytesPerTarget(long value) {
    return new HintSettings(
        window, ttl, replayInterval, replayPerSecond, value, sweepInterval, leaveTimeout);
  }

  public HintSettings withSweepInterval(Duration value) {
    return new HintSettings(
        window, ttl, replayInterval, replayPerSecond, maxBytesPerTarget, value, leaveTimeout);
  }

  public HintSettings withLeaveTimeout(Duration value) {
    return new HintSettings(
        window, ttl, replayInterval, replayPerSecond, maxBytesPerTarget, sweepInterval, value);
  }
}
