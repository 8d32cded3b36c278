package dev.ringstore.protocol;

import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;

/** Bridges Netty futures to {@link CompletableFuture}. */
final class NettyFutures {
  private NettyFutures() {}

  /** Completes (normally, whatever the outcome) once {@code future} is done. */
  static CompletableFuture<Void> whenDone(Future<?> future) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    future.addListener(f -> result.complete(null));
    return result;
  }
}
