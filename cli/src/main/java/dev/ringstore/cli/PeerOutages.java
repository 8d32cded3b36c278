package dev.ringstore.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which peers a component currently fails to reach, so that a log says so once per state change
 * instead of once per attempt: the first failed attempt opens an outage, later ones are counted in
 * it, and an outage with no failed attempt for {@code quiet} is over (the component that kept
 * retrying got through). Thread-safe.
 */
final class PeerOutages {
  /** Who failed to reach whom: a logger (the component retrying) and the peer it names. */
  record Peer(String source, String peer) {}

  /** A finished outage: how many attempts failed, and for how long the peer was unreachable. */
  record Recovery(Peer peer, long failedAttempts, Duration unreachableFor) {}

  private record Outage(Instant since, Instant lastFailure, long failedAttempts) {}

  private final InstantSource clock;
  private final Duration quiet;
  private final Map<Peer, Outage> outages = new ConcurrentHashMap<>();

  PeerOutages(InstantSource clock, Duration quiet) {
    if (quiet.isNegative() || quiet.isZero()) {
      throw new IllegalArgumentException("the quiet period must be positive, not " + quiet);
    }
    this.clock = clock;
    this.quiet = quiet;
  }

  /** Records a failed attempt to reach {@code peer}; true if it opens an outage (log it). */
  boolean failed(Peer peer) {
    Instant now = clock.instant();
    Outage outage =
        outages.merge(
            peer,
            new Outage(now, now, 1),
            (open, first) -> new Outage(open.since(), now, open.failedAttempts() + 1));
    return outage.failedAttempts() == 1;
  }

  /** Closes and returns the outages with no failed attempt for the quiet period. */
  List<Recovery> recovered() {
    Instant cutoff = clock.instant().minus(quiet);
    List<Recovery> over = new ArrayList<>();
    for (Map.Entry<Peer, Outage> entry : outages.entrySet()) {
      Outage outage = entry.getValue();
      if (outage.lastFailure().isBefore(cutoff) && outages.remove(entry.getKey(), outage)) {
        over.add(
            new Recovery(
                entry.getKey(),
                outage.failedAttempts(),
                Duration.between(outage.since(), outage.lastFailure())));
      }
    }
    return over;
  }
}
