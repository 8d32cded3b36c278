package dev.ringstore.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test says so: what nodes stamp on writes and measure hint windows
 * and TTLs by. (Request deadlines and background passes run on real time, so a test never waits on
 * a clock it forgot to advance.)
 */
public final class ManualClock implements InstantSource {
  private final AtomicLong millis;

  public ManualClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + by);
    }
    millis.addAndGet(by.toMillis());
  }
}
