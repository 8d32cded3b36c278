package dev.ringstore.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The blocking facade of a {@link Store}: the same operations, each waiting for its result and
 * throwing the failure as raised ({@link dev.ringstore.protocol.RingstoreException} with the node's
 * error code). Safe from any thread but an I/O thread of the client.
 *
 * @param <T> the value type
 */
public final class SyncStore<T> {
  private final Store<T> store;

  SyncStore(Store<T> store) {
    this.store = store;
  }

  public GetResult<T> get(String key) {
    return ClientFailures.join(store.get(key));
  }

  public GetResult<T> get(String key, ReadOptions options) {
    return ClientFailures.join(store.get(key, options));
  }

  /** See {@link Store#head}. */
  public KeyHead head(String key, ReadOptions options) {
    return ClientFailures.join(store.head(key, options));
  }

  public PutResult<T> put(String key, T value) {
    return ClientFailures.join(store.put(key, value));
  }

  public PutResult<T> put(String key, T value, String context, WriteOptions options) {
    return ClientFailures.join(store.put(key, value, context, options));
  }

  public PutResult<T> putIfAbsent(String key, T value, WriteOptions options) {
    return ClientFailures.join(store.putIfAbsent(key, value, options));
  }

  public PutResult<T> putIfMatch(String key, T value, String context, WriteOptions options) {
    return ClientFailures.join(store.putIfMatch(key, value, context, options));
  }

  public PutResult<T> delete(String key, WriteOptions options) {
    return ClientFailures.join(store.delete(key, options));
  }

  public PutResult<T> delete(String key, String context, WriteOptions options) {
    return ClientFailures.join(store.delete(key, context, options));
  }

  public T update(String key, ConflictResolver<T> resolver, Function<Optional<T>, T> change) {
    return ClientFailures.join(store.update(key, resolver, change));
  }

  public T update(
      String key,
      ConflictResolver<T> resolver,
      Function<Optional<T>, T> change,
      ReadOptions read,
      WriteOptions write) {
    return ClientFailures.join(store.update(key, resolver, change, read, write));
  }

  public Map<String, KeyResult<GetResult<T>>> getAll(Collection<String> keys, ReadOptions options) {
    return ClientFailures.join(store.getAll(keys, options));
  }

  public Map<String, KeyResult<PutResult<T>>> putAll(Map<String, T> values, WriteOptions options) {
    return ClientFailures.join(store.putAll(values, options));
  }
}
