package dev.ringstore.protocol;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests one client connection is waiting on, by id. Thread-safe: senders register from any
 * thread, the event loop completes. Each future is removed (and its slot freed) however it
 * completes — response, error, timeout, the caller cancelling — so whichever completion comes first
 * wins and a late response finds nothing and is dropped.
 */
final class PendingRequests {
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<Long, CompletableFuture<Response>> byId = new ConcurrentHashMap<>();
  private volatile String closedReason;

  PendingRequests(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /**
   * Assigns {@code future} a fresh id and tracks it.
   *
   * @throws RingstoreException {@code OVERLOADED} at the in-flight bound, {@code UNAVAILABLE} once
   *     closed
   */
  long register(CompletableFuture<Response> future) {
    if (closedReason != null) {
      throw new RingstoreException(ErrorCode.UNAVAILABLE, closedReason);
    }
    int current;
    do {
      current = inFlight.get();
      if (current >= maxInFlight) {
        throw new RingstoreException(
            ErrorCode.OVERLOADED, maxInFlight + " requests already in flight on this connection");
      }
    } while (!inFlight.compareAndSet(current, current + 1));
    long id = nextId.getAndIncrement();
    byId.put(id, future);
    future.whenComplete(
        (response, failure) -> {
          byId.remove(id, future);
          inFlight.decrementAndGet();
        });
    // closeAll may have run between the check above and the put: it must not miss this one.
    String reason = closedReason;
    if (reason != null) {
      future.completeExceptionally(new RingstoreException(ErrorCode.UNAVAILABLE, reason));
    }
    return id;
  }

  /** Completes request {@code id}; returns false if nothing waits for it any more. */
  boolean complete(long id, Response response) {
    CompletableFuture<Response> future = byId.get(id);
    return future != null && future.complete(response);
  }

  /** Fails request {@code id}; returns false if nothing waits for it any more. */
  boolean fail(long id, RingstoreException failure) {
    CompletableFuture<Response> future = byId.get(id);
    return future != null && future.completeExceptionally(failure);
  }

  /** Fails everything pending, and every later registration, with {@code UNAVAILABLE}. */
  void closeAll(String reason) {
    if (closedReason == null) {
      closedReason = reason;
    }
    for (CompletableFuture<Response> future : byId.values()) {
      future.completeExceptionally(new RingstoreException(ErrorCode.UNAVAILABLE, closedReason));
    }
  }

  int inFlight() {
    return inFlight.get();
  }
}
