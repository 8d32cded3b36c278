package dev.ringstore.node.coordinator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The payload bytes (keys and values) of the writes a node has accepted for its storage and not yet
 * finished, bounded: a write that would take them over the limit is answered OVERLOADED, exactly as
 * a full queue is. The queues bound writes by count only (16,384 in the writer's), and a count says
 * nothing about memory: that many 8 MiB puts hold 128 GiB.
 *
 * <p>A write holds its bytes from submission until it completes, not merely until it starts: a
 * started write still holds its value (in its change, then in the write batch) until it is written,
 * and that is the memory to protect. A write larger than the whole budget is let in when nothing
 * else is held, so a limit set below one value cannot shut writes out for good. Thread-safe.
 */
public final class StorageByteBudget {
  /** No limit: for tests of the write path and tools that own their storage. */
  public static final StorageByteBudget UNLIMITED = new StorageByteBudget(Long.MAX_VALUE);

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  public StorageByteBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a byte budget is positive: " + limit);
    }
    this.limit = limit;
  }

  /**
   * Takes {@code bytes} if they fit (or nothing else is held); false leaves the budget as it was.
   */
  public boolean tryAcquire(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative bytes: " + bytes);
    }
    while (true) {
      long now = held.get();
      if (now > 0 && bytes > limit - now) {
        return false;
      }
      if (held.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /** Gives back what one {@link #tryAcquire} took. */
  public void release(long bytes) {
    held.addAndGet(-bytes);
  }

  /** The bytes held now. */
  public long held() {
    return held.get();
  }

  public long limit() {
    return limit;
  }
}
