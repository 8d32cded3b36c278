package dev.ringstore.gossip.failure;

import java.time.InstantSource;
import java.util.Objects;

/**
 * The phi-accrual failure detector of Hayashibara et al., "The φ Accrual Failure Detector" (2004),
 * as Akka and Cassandra use it, for one monitored endpoint: instead of a yes/no verdict it reports
 * a suspicion level phi that grows continuously with the time since the last heartbeat, scaled by
 * how regular the endpoint's heartbeats have been. An application compares phi with a threshold.
 *
 * <p>Design note. A bounded window of recent inter-arrival times is kept; phi is -log10 of the
 * probability that the next heartbeat is still to come, under a <em>normal</em> distribution with
 * the window's mean and standard deviation. Like Akka, and unlike Cassandra (which uses an
 * exponential distribution, phi = elapsed / mean / ln 10), this detector adds an acceptable pause
 * to the mean and floors the deviation: heartbeats that arrive through gossip are regular on
 * average but bursty, and the exponential model at threshold 8 convicts only after about 18 mean
 * intervals whatever the observed jitter, while the normal model convicts after mean + pause +
 * about 5.2 deviations and learns the jitter it sees. Intervals longer than a bound are outages,
 * not samples, and are not learned (Cassandra's rule). docs/gossip.md gives the numbers.
 *
 * <p>One instance per endpoint (as in Akka): a node that monitors a thousand members holds a
 * thousand, each with its own window, so that judging them all every round costs no lookups. A
 * restarted endpoint gets a fresh instance. Time comes from the injected {@link InstantSource}.
 * Thread-safe.
 */
public final class PhiAccrualFailureDetector {
  private final PhiAccrualSettings settings;
  private final InstantSource clock;
  private ArrivalWindow window; // null until the first heartbeat

  public PhiAccrualFailureDetector(PhiAccrualSettings settings, InstantSource clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records that a heartbeat arrived now. */
  public synchronized void heartbeat() {
    long now = clock.millis();
    if (window == null) {
      window =
          new ArrivalWindow(
              settings.windowSize(), now, settings.firstHeartbeatEstimate().toMillis());
    } else {
      window.arrived(now, settings.maxSampleInterval().toMillis());
    }
  }

  /** The suspicion level now; 0 before the first heartbeat. */
  public synchronized double phi() {
    if (window == null) {
      return 0;
    }
    return window.phi(
        clock.millis(),
        settings.acceptablePause().toMillis(),
        settings.minStdDeviation().toMillis());
  }

  /** Whether phi is below the threshold (true before the first heartbeat). */
  public synchronized boolean isAvailable() {
    return window == null
        || window.isBelow(
            settings.threshold(),
            clock.millis(),
            settings.acceptablePause().toMillis(),
            settings.minStdDeviation().toMillis());
  }

  /** Whether a heartbeat was ever recorded. */
  public synchronized boolean isMonitoring() {
    return window != null;
  }

  public PhiAccrualSettings settings() {
    return settings;
  }
}
