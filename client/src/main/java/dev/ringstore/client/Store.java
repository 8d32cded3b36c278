package dev.ringstore.client;

import dev.ringstore.protocol.v1.PutCondition;
import dev.ringstore.protocol.v1.Request;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keys (UTF-8 strings) and their values of one type, through a {@link RingstoreClient}: every
 * method is asynchronous and never blocks; {@link #sync()} is the blocking facade. Failures are
 * {@link dev.ringstore.protocol.RingstoreException}s with the node's error code (TIMEOUT,
 * UNAVAILABLE, TOO_LARGE, CONDITION_FAILED...). Futures complete on the client's I/O threads: chain
 * quick work with {@code then*}, or move slow work to your executor with {@code then*Async(fn,
 * executor)}.
 *
 * <pre>{@code
 * Store<String> names = client.strings();
 * GetResult<String> read = names.get("user:1").join();
 * names.put("user:1", "Ada", read.context(), WriteOptions.defaults().withW(3)).join();
 * }</pre>
 *
 * @param <T> the value type
 */
public final class Store<T> {
  private final RequestRunner runner;
  private final ValueCodec<T> codec;
  private final Updater<T> updater;

  Store(RequestRunner runner, ValueCodec<T> codec, int conditionalAttempts) {
    this.runner = runner;
    this.codec = codec;
    this.updater = new Updater<>(this, conditionalAttempts);
  }

  /** The blocking facade over this store. */
  public SyncStore<T> sync() {
    return new SyncStore<>(this);
  }

  public CompletableFuture<GetResult<T>> get(String key) {
    return get(key, ReadOptions.defaults());
  }

  /** Every sibling of {@code key} and the context to write back with. */
  public CompletableFuture<GetResult<T>> get(String key, ReadOptions options) {
    byte[] raw = keyBytes(key);
    return runner
        .run("get", raw, WireRequests.get(raw, options), options.timeout(), true)
        .thenApply(response -> WireRequests.getResult(response).map(codec::decode));
  }

  /**
   * The key's context and its values' sizes without the values: for a key whose siblings are too
   * large to read together (a write or read answers TOO_LARGE), resolve with a write or a delete
   * that uses this context.
   */
  public CompletableFuture<KeyHead> head(String key, ReadOptions options) {
    byte[] raw = keyBytes(key);
    return runner
        .run("head", raw, WireRequests.head(raw, options), options.timeout(), true)
        .thenApply(WireRequests::headResult);
  }

  /** Writes without a context: beside any value already there, as a sibling. */
  public CompletableFuture<PutResult<T>> put(String key, T value) {
    return put(key, value, null, WriteOptions.defaults());
  }

  /** Writes {@code value}, superseding what the read that gave {@code context} saw (null: none). */
  public CompletableFuture<PutResult<T>> put(
      String key, T value, String context, WriteOptions options) {
    return write(key, value, context, options, PutCondition.PUT_CONDITION_NONE);
  }

  /**
   * Writes only if the key holds no live value, as its coordinating primary sees it; fails with
   * CONDITION_FAILED otherwise. Not a lock: see docs/client.md for what it guarantees under
   * failures (at worst two winners, kept as siblings, never a silent loss).
   */
  public CompletableFuture<PutResult<T>> putIfAbsent(String key, T value, WriteOptions options) {
    return write(key, value, null, options, PutCondition.IF_ABSENT);
  }

  /**
   * Writes only if nothing was written to the key since the read that gave {@code context}, as its
   * coordinating primary sees it; fails with CONDITION_FAILED otherwise (read again and retry, or
   * use {@link #update}).
   */
  public CompletableFuture<PutResult<T>> putIfMatch(
      String key, T value, String context, WriteOptions options) {
    if (Updater.isEmptyContext(context)) {
      throw new IllegalArgumentException(
          "putIfMatch needs the context of a read that saw the key; use putIfAbsent for a new key");
    }
    return write(key, value, context, options, PutCondition.IF_MATCH);
  }

  /**
   * Deletes the key as a read sees it now: a head read with the default quorum (the context, no
   * values, so even a key too large to read can be deleted), then a delete with that context. A
   * value written concurrently survives as a sibling of the tombstone.
   */
  public CompletableFuture<PutResult<T>> delete(String key, WriteOptions options) {
    return head(key, ReadOptions.defaults())
        .thenCompose(read -> delete(key, read.context(), options));
  }

  /**
   * Deletes what the read that gave {@code context} saw. A null context writes a tombstone beside
   * any values, which a read does not count as a delete of them: use {@link #delete(String,
   * WriteOptions)} to delete what is there.
   */
  public CompletableFuture<PutResult<T>> delete(String key, String context, WriteOptions options) {
    byte[] raw = keyBytes(key);
    return runner
        .run("delete", raw, WireRequests.delete(raw, context, options), options.timeout(), false)
        .thenApply(response -> WireRequests.deleteResult(response).map(codec::decode));
  }

  /**
   * Read-modify-write: reads the key, resolves its siblings with {@code resolver}, applies {@code
   * change} (given empty when the key is absent) and writes the result back with the read's
   * context, only if nothing was written since (putIfMatch / putIfAbsent). On a conflict it reads
   * and tries again; after the client's conditional attempts it writes with the last read's context
   * unconditionally, so a concurrent write becomes a sibling for the next resolve rather than an
   * error — with a merging resolver (set union) no change is lost. Completes with the value
   * written. {@code change} runs on an I/O thread: keep it quick and free of blocking calls.
   */
  public CompletableFuture<T> update(
      String key,
      ConflictResolver<T> resolver,
      Function<Optional<T>, T> change,
      ReadOptions read,
      WriteOptions write) {
    return updater.update(key, resolver, change, read, write);
  }

  public CompletableFuture<T> update(
      String key, ConflictResolver<T> resolver, Function<Optional<T>, T> change) {
    return update(key, resolver, change, ReadOptions.defaults(), WriteOptions.defaults());
  }

  /** Reads every key in parallel; one key's failure is in its own result, not the whole call's. */
  public CompletableFuture<Map<String, KeyResult<GetResult<T>>>> getAll(
      Collection<String> keys, ReadOptions options) {
    return KeyResult.all(keys, key -> get(key, options));
  }

  /** Writes every value in parallel, each without a context (see {@link #put(String, Object)}). */
  public CompletableFuture<Map<String, KeyResult<PutResult<T>>>> putAll(
      Map<String, T> values, WriteOptions options) {
    return KeyResult.all(values.keySet(), key -> put(key, values.get(key), null, options));
  }

  private CompletableFuture<PutResult<T>> write(
      String key, T value, String context, WriteOptions options, PutCondition condition) {
    byte[] raw = keyBytes(key);
    Request put = WireRequests.put(raw, codec.encode(value), context, options, condition);
    return runner
        .run("put", raw, put, options.timeout(), false)
        .thenApply(response -> WireRequests.putResult(response).map(codec::decode));
  }

  private static byte[] keyBytes(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("the key must not be empty");
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
