package dev.ringstore.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and after how long a request is sent again: {@code attempts} in all, with exponential
 * backoff from {@code base} to at most {@code max}, with full jitter (a uniform delay up to the
 * exponential bound, as the AWS architecture blog recommends) so retrying clients do not move in
 * step.
 *
 * @param attempts tries in all, at least 1 (1: never retry)
 * @param base the first backoff bound
 * @param max the largest backoff bound
 */
public record RetryPolicy(int attempts, Duration base, Duration max) {
  /** Three tries, backing off from 20 ms up to 1 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= max: " + base + ", " + max);
    }
  }

  /** Never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** The pause before retry number {@code retry} (1 for the first retry). */
  Duration backoff(int retry, RandomGenerator random) {
    long bound = base.toNanos() << Math.min(retry - 1, 20);
    bound = Math.min(bound <= 0 ? Long.MAX_VALUE : bound, max.toNanos());
    return bound <= 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(bound + 1));
  }
}
