package dev.ringstore.node.coordinator;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Request deadlines: every coordinated request arms one and nearly every one is cancelled a
 * millisecond later when its quorum answers. A hashed wheel (Varghese and Lauck 1987; Netty's timer
 * for I/O timeouts) makes both O(1) without a lock shared by all requests, at the price of firing
 * up to one tick ({@value #TICK_MILLIS} ms) late, which a deadline can afford.
 */
public final class DeadlineTimer implements AutoCloseable {
  static final long TICK_MILLIS = 10;

  private final HashedWheelTimer wheel;

  public DeadlineTimer(ThreadFactory threads) {
    this.wheel = new HashedWheelTimer(threads, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once {@code after} has passed, unless the returned handle is cancelled. */
  public Timeout schedule(Runnable task, Duration after) {
    return wheel.newTimeout(timeout -> task.run(), after.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    wheel.stop();
  }
}
