package dev.ringstore.gossip;

import dev.ringstore.gossip.failure.PhiAccrualSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Gossiper} behaves, each knob with its default beside it.
 *
 * @param interval how often the caller should run {@link Gossiper#runRound}. The gossiper does not
 *     schedule itself; this is the period the failure detector's defaults are tuned for. Default
 *     {@link #INTERVAL_DEFAULT}.
 * @param failureDetector the phi-accrual detector's knobs (threshold 8 by default)
 */
public record GossipSettings(Duration interval, PhiAccrualSettings failureDetector) {
  public static final Duration INTERVAL_DEFAULT = Duration.ofSeconds(1);

  /** Every knob at its default. */
  public static final GossipSettings DEFAULTS =
      new GossipSettings(INTERVAL_DEFAULT, PhiAccrualSettings.DEFAULTS);

  public GossipSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(failureDetector, "failureDetector");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
  }

  public GossipSettings withInterval(Duration value) {
    return new GossipSettings(value, failureDetector);
  }

  public GossipSettings withFailureDetector(PhiAccrualSettings value) {
    return new GossipSettings(interval, value);
  }
}
