package dev.ringstore.client;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Recent read latencies, for hedged reads: the percentile of the last completed interval (at least
 * {@code floor}), so the hedge delay follows the cluster as it slows down or recovers. Until an
 * interval has enough samples the delay is {@code floor}.
 */
final class LatencyTracker {
  private static final int MIN_SAMPLES = 100;

  private final double percentile;
  private final Duration floor;
  private final Recorder recorder = new Recorder(3);
  private volatile long percentileNanos;
  private Histogram interval;

  LatencyTracker(double percentile, Duration floor) {
    this.percentile = percentile;
    this.floor = floor;
    this.percentileNanos = floor.toNanos();
  }

  void record(Duration latency) {
    recorder.recordValue(Math.max(1, latency.toNanos()));
  }

  /** Closes the current interval; called on the client's timer. */
  synchronized void roll() {
    interval = recorder.getIntervalHistogram(interval);
    if (interval.getTotalCount() >= MIN_SAMPLES) {
      percentileNanos =
          Math.max(floor.toNanos(), interval.getValueAtPercentile(percentile * 100.0));
    }
  }

  /** How long to wait for the first reply before sending a second request. */
  Duration hedgeDelay() {
    return Duration.ofNanos(percentileNanos);
  }
}
