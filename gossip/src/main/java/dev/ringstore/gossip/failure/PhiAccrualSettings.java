package dev.ringstore.gossip.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * How suspicious a {@link PhiAccrualFailureDetector} is, each knob with its default beside it. The
 * defaults suit heartbeats learned through gossip once a second; docs/gossip.md explains each.
 *
 * @param threshold phi at and above which an endpoint is judged down. phi = 8 means the detector
 *     would be wrong about once in 10<sup>8</sup> such judgements if inter-arrival times were
 *     exactly as modelled. Default {@value #THRESHOLD_DEFAULT}.
 * @param windowSize how many inter-arrival times are remembered per endpoint. Default {@value
 *     #WINDOW_SIZE_DEFAULT} (about 16 minutes of one-second heartbeats).
 * @param minStdDeviation the smallest standard deviation assumed, so that very regular heartbeats
 *     do not make the detector trip on the first small delay. Default {@link
 *     #MIN_STD_DEVIATION_DEFAULT}.
 * @param acceptablePause how much longer than the mean interval a heartbeat may be late before
 *     suspicion starts to grow quickly (added to the mean). Default {@link
 *     #ACCEPTABLE_PAUSE_DEFAULT}.
 * @param firstHeartbeatEstimate the interval assumed before any was measured: the history starts as
 *     two intervals around it. Default {@link #FIRST_HEARTBEAT_ESTIMATE_DEFAULT}.
 * @param maxSampleInterval a longer inter-arrival time is an outage, not a sample of normal
 *     behaviour, and is not remembered (as Cassandra does). It also bounds the time to conviction
 *     whatever the history: the mean stays under it and the deviation under half of it, so phi
 *     reaches the threshold at most about {@code 3.2 x maxSampleInterval + acceptablePause} after
 *     the last heartbeat (19 s at the defaults; 6.6 s for steady one-second heartbeats). Default
 *     {@link #MAX_SAMPLE_INTERVAL_DEFAULT}.
 */
public record PhiAccrualSettings(
    double threshold,
    int windowSize,
    Duration minStdDeviation,
    Duration acceptablePause,
    Duration firstHeartbeatEstimate,
    Duration maxSampleInterval) {

  public static final double THRESHOLD_DEFAULT = 8.0;
  public static final int WINDOW_SIZE_DEFAULT = 1000;
  public static final Duration MIN_STD_DEVIATION_DEFAULT = Duration.ofMillis(500);
  public static final Duration ACCEPTABLE_PAUSE_DEFAULT = Duration.ofSeconds(3);
  public static final Duration FIRST_HEARTBEAT_ESTIMATE_DEFAULT = Duration.ofSeconds(1);
  public static final Duration MAX_SAMPLE_INTERVAL_DEFAULT = Duration.ofSeconds(5);

  /** Every knob at its default. */
  public static final PhiAccrualSettings DEFAULTS =
      new PhiAccrualSettings(
          THRESHOLD_DEFAULT,
          WINDOW_SIZE_DEFAULT,
          MIN_STD_DEVIATION_DEFAULT,
          ACCEPTABLE_PAUSE_DEFAULT,
          FIRST_HEARTBEAT_ESTIMATE_DEFAULT,
          MAX_SAMPLE_INTERVAL_DEFAULT);

  public PhiAccrualSettings {
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be positive and finite: " + threshold);
    }
    if (windowSize < 2) {
      throw new IllegalArgumentException("windowSize must be at least 2: " + windowSize);
    }
    positive(minStdDeviation, "minStdDeviation");
    Objects.requireNonNull(acceptablePause, "acceptablePause");
    if (acceptablePause.isNegative()) {
      throw new IllegalArgumentException(
          "acceptablePause must not be negative: " + acceptablePause);
    }
    positive(firstHeartbeatEstimate, "firstHeartbeatEstimate");
    positive(maxSampleInterval, "maxSampleInterval");
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  public PhiAccrualSettings withThreshold(double value) {
    return new PhiAccrualSettings(
        value,
        windowSize,
        minStdDeviation,
        acceptablePause,
        firstHeartbeatEstimate,
        maxSampleInterval);
  }

  public PhiAccrualSettings withAcceptablePause(Duration value) {
    return new PhiAccrualSettings(
        threshold, windowSize, minStdDeviation, value, firstHeartbeatEstimate, maxSampleInterval);
  }

  public PhiAccrualSettings withMinStdDeviation(Duration value) {
    return new PhiAccrualSettings(
        threshold, windowSize, value, acceptablePause, firstHeartbeatEstimate, maxSampleInterval);
  }

  public PhiAccrualSettings withWindowSize(int value) {
    return new PhiAccrualSettings(
        threshold,
        value,
        minStdDeviation,
        acceptablePause,
        firstHeartbeatEstimate,
        maxSampleInterval);
  }
}
