package dev.ringstore.gossip.failure;

import java.time.Instant;
import java.time.InstantSource;

/** A clock the detector tests move by hand: {@code millis} is whatever the test sets. */
final class ManualTime implements InstantSource {
  long millis = 1_700_000_000_000L;

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }
}
