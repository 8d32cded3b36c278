package dev.ringstore.node.handoff;

import java.time.InstantSource;

/**
 * The replay rate limit: a token bucket on the injected clock that banks at most one second's
 * permits and never sleeps. When it runs dry the replay pass stops and the next pass goes on from
 * there, so pacing follows the node's clock and a test's manual clock makes it exact. (Guava's
 * {@code RateLimiter} sleeps on the wall clock and takes no ticker.)
 */
final class ReplayPace {
  private final InstantSource clock;
  private final double perMilli;
  private final double capacity;
  private double permits;
  private long refilledAt;

  ReplayPace(int perSecond, InstantSource clock) {
    this.clock = clock;
    this.perMilli = perSecond / 1000.0;
    this.capacity = perSecond;
    this.permits = perSecond;
    this.refilledAt = clock.millis();
  }

  /** Takes one permit if one is banked. */
  synchronized boolean tryAcquire() {
    long now = clock.millis();
    if (now > refilledAt) {
      permits = Math.min(capacity, permits + (now - refilledAt) * perMilli);
      refilledAt = now;
    }
    if (permits < 1) {
      return false;
    }
    permits -= 1;
    return true;
  }
}
