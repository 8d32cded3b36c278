package dev.ringstore.node.server;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning that client requests can trigger over and over (a key with many siblings, written on
 * every request): logged at most once per interval, with how many went unlogged in between, so no
 * client can make a node write a log line per request. The metric beside it counts every one.
 */
final class RepeatedWarning {
  private final InstantSource clock;
  private final long intervalMillis;
  private final AtomicLong nextDueMillis = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong unlogged = new AtomicLong();

  RepeatedWarning(InstantSource clock, Duration interval) {
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
  }

  /**
   * Records one occurrence; returns how many occurred unlogged since the last logged one when this
   * one is to be logged, or -1 when it is not.
   */
  long due() {
    long now = clock.millis();
    long due = nextDueMillis.get();
    if (now >= due && nextDueMillis.compareAndSet(due, now + intervalMillis)) {
      return unlogged.getAndSet(0);
    }
    unlogged.incrementAndGet();
    return -1;
  }
}
