package dev.ringstore.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One key's outcome in a multi-key call: its result, or the failure of that key alone.
 *
 * @param key the key
 * @param result the result, null when the key failed
 * @param failure why the key failed, null when it succeeded
 * @param <R> the per-key result type
 */
public record KeyResult<R>(String key, R result, RuntimeException failure) {

  public boolean isOk() {
    return failure == null;
  }

  /** The result, or the key's failure thrown. */
  public R get() {
    if (failure != null) {
      throw failure;
    }
    return result;
  }

  /** Runs {@code call} for every key at once; completes when all have, in the keys' order. */
  static <R> CompletableFuture<Map<String, KeyResult<R>>> all(
      Collection<String> keys, Function<String, CompletableFuture<R>> call) {
    List<String> ordered = List.copyOf(keys);
    List<CompletableFuture<KeyResult<R>>> calls =
        ordered.stream().map(key -> one(key, call)).toList();
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, KeyResult<R>> results = new LinkedHashMap<>();
              calls.stream().map(CompletableFuture::join).forEach(r -> results.put(r.key(), r));
              return results;
            });
  }

  private static <R> CompletableFuture<KeyResult<R>> one(
      String key, Function<String, CompletableFuture<R>> call) {
    CompletableFuture<R> started;
    try {
      started = call.apply(key);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new KeyResult<>(key, null, e));
    }
    return started.handle(
        (result, failure) ->
            failure == null
                ? new KeyResult<>(key, result, null)
                : new KeyResult<>(key, null, asRuntime(ClientFailures.unwrap(failure))));
  }

  private static RuntimeException asRuntime(Throwable failure) {
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure.getMessage(), failure);
  }
}
