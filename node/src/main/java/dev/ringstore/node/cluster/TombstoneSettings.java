package dev.ringstore.node.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * When deleted keys leave the disk (docs/replication.md, "Tombstones"), as Riak's {@code
 * delete_mode}: a tombstone is removed only once every primary replica holds exactly it and it is
 * older than {@code reapDelay}.
 *
 * @param reapDelay how long a tombstone stays after its delete, default {@link
 *     #REAP_DELAY_DEFAULT}: longer than hints and repairs take to reach a replica that is up, so
 *     that none of them can bring back the value it deleted
 * @param interval how often a node looks for tombstones to reap in the buckets it is the first
 *     primary of, default {@link #INTERVAL_DEFAULT}
 * @param keysPerPass the most tombstones one pass reaps, default {@value #KEYS_PER_PASS_DEFAULT}
 */
public record TombstoneSettings(Duration reapDelay, Duration interval, int keysPerPass) {
  public static final Duration REAP_DELAY_DEFAULT = Duration.ofHours(1);
  public static final Duration INTERVAL_DEFAULT = Duration.ofMinutes(1);
  public static final int KEYS_PER_PASS_DEFAULT = 1_000;

  public static final TombstoneSettings DEFAULTS =
      new TombstoneSettings(REAP_DELAY_DEFAULT, INTERVAL_DEFAULT, KEYS_PER_PASS_DEFAULT);

  public TombstoneSettings {
    Objects.requireNonNull(reapDelay, "reapDelay");
    Objects.requireNonNull(interval, "interval");
    if (reapDelay.isNegative() || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "the reap delay must not be negative and the reap interval must be positive");
    }
    if (keysPerPass < 1) {
      throw new IllegalArgumentException("a reap pass must be allowed at least one key");
    }
  }

  public TombstoneSettings withReapDelay(Duration value) {
    return new TombstoneSettings(value, interval, keysPerPass);
  }

  public TombstoneSettings withInterval(Duration value) {
    return new TombstoneSettings(reapDelay, value, keysPerPass);
  }
}
