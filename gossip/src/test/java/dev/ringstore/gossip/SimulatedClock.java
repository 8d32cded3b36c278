package dev.ringstore.gossip;

import java.time.Instant;
import java.time.InstantSource;

/** The one clock of a simulation: it stands still until the simulation moves it forward. */
final class SimulatedClock implements InstantSource {
  private long millis;

  SimulatedClock(long startMillis) {
    this.millis = startMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }

  void set(long value) {
    if (value < millis) {
      throw new IllegalArgumentException("a clock does not go back: " + value + " < " + millis);
    }
    millis = value;
  }

  void advance(long by) {
    set(millis + by);
  }
}
