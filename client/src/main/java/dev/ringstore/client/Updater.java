package dev.ringstore.client;

import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The read → resolve → change → conditional write loop behind {@link Store#update}, after
 * Voldemort's {@code applyUpdate}: a write refused because the key changed since the read starts
 * over; the last attempt writes with its read's context unconditionally, leaving any concurrent
 * write as a sibling for the next resolve.
 */
final class Updater<T> {
  private final Store<T> store;
  private final int conditionalAttempts;

  Updater(Store<T> store, int conditionalAttempts) {
    this.store = store;
    this.conditionalAttempts = conditionalAttempts;
  }

  CompletableFuture<T> update(
      String key,
      ConflictResolver<T> resolver,
      Function<Optional<T>, T> change,
      ReadOptions read,
      WriteOptions write) {
    return attempt(key, resolver, change, read, write, 1);
  }

  private CompletableFuture<T> attempt(
      String key,
      ConflictResolver<T> resolver,
      Function<Optional<T>, T> change,
      ReadOptions read,
      WriteOptions write,
      int number) {
    return store
        .get(key, read)
        .thenCompose(
            current -> {
              T next = change.apply(current.resolve(resolver));
              boolean last = number > conditionalAttempts;
              CompletableFuture<PutResult<T>> written;
              if (last) {
                written = store.put(key, next, current.context(), write);
              } else if (current.isFound() || !isEmptyContext(current.context())) {
                written = store.putIfMatch(key, next, current.context(), write);
              } else {
                written = store.putIfAbsent(key, next, write);
              }
              return written
                  .thenApply(done -> next)
                  .exceptionallyCompose(
                      failure ->
                          ClientFailures.code(failure) == ErrorCode.CONDITION_FAILED && !last
                              ? attempt(key, resolver, change, read, write, number + 1)
                              : CompletableFuture.failedFuture(ClientFailures.unwrap(failure)));
            });
  }

  static boolean isEmptyContext(String context) {
    return context == null || context.isEmpty() || CausalContext.decode(context).isEmpty();
  }
}
