package dev.ringstore.node.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a node works at anti-entropy (docs/anti-entropy.md).
 *
 * @param interval how often it may start a Merkle-tree exchange of a bucket a root sweep found
 *     different (or whose tree is not built yet), default {@link #INTERVAL_DEFAULT} (forty a
 *     second); zero turns anti-entropy off
 * @param sweepInterval how often it compares the roots of every bucket it shares with each live
 *     peer, one message per peer, default {@link #SWEEP_INTERVAL_DEFAULT}
 * @param bytesPerSecond the most bytes of tree messages its exchanges send per second, default
 *     {@value #BYTES_PER_SECOND_DEFAULT}
 * @param treeMaxAge a bucket's tree older than this is rebuilt from storage at its next exchange,
 *     which catches silent corruption, default {@link #TREE_MAX_AGE_DEFAULT}
 */
public record AntiEntropySettings(
    Duration interval, Duration sweepInterval, int bytesPerSecond, Duration treeMaxAge) {
  public static final Duration INTERVAL_DEFAULT = Duration.ofMillis(25);
  public static final Duration SWEEP_INTERVAL_DEFAULT = Duration.ofSeconds(1);
  public static final int BYTES_PER_SECOND_DEFAULT = 1 << 20;
  public static final Duration TREE_MAX_AGE_DEFAULT = Duration.ofHours(1);

  public static final AntiEntropySettings DEFAULTS =
      new AntiEntropySettings(
          INTERVAL_DEFAULT, SWEEP_INTERVAL_DEFAULT, BYTES_PER_SECOND_DEFAULT, TREE_MAX_AGE_DEFAULT);

  public AntiEntropySettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(treeMaxAge, "treeMaxAge");
    if (interval.isNegative() || treeMaxAge.isNegative() || treeMaxAge.isZero()) {
      throw new IllegalArgumentException(
          "the anti-entropy interval must not be negative and the tree age must be positive");
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("the anti-entropy sweep interval must be positive");
    }
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("the anti-entropy byte rate must be at least 1");
    }
  }

  public AntiEntropySettings withInterval(Duration value) {
    return new AntiEntropySettings(value, sweepInterval, bytesPerSecond, treeMaxAge);
  }

  public AntiEntropySettings withBytesPerSecond(int value) {
    return new AntiEntropySettings(interval, sweepInterval, value, treeMaxAge);
  }

  public AntiEntropySettings withTreeMaxAge(Duration value) {
    return new AntiEntropySettings(interval, sweepInterval, bytesPerSecond, value);
  }

  public AntiEntropySettings withSweepInterval(Duration value) {
    return new AntiEntropySettings(interval, value, bytesPerSecond, treeMaxAge);
  }
}
