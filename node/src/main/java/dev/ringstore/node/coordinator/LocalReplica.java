package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * This node's own replica: the storage engine behind the storage threads, so no caller ever blocks
 * an event loop. A fallback's reads and merges go to the hint it holds for the primary it stands in
 * for, its data to the {@code data} column family otherwise. Every write (put, replica merge,
 * transfer page entry, hint) passes here, so here its key and value bytes are charged to the node's
 * {@link StorageByteBudget} until it completes; over the budget it fails OVERLOADED.
 */
public final class LocalReplica {
  private final StorageEngine storage;
  private final Executor storageExecutor;
  private final WriteObserver observer;
  private final HintKeeper hints;
  private final StorageByteBudget budget;

  /** A replica that stores every hint it is given, unbounded (tests of the write path). */
  public LocalReplica(StorageEngine storage, Executor storageExecutor, WriteObserver observer) {
    this(storage, storageExecutor, observer, storage::putHint);
  }

  public LocalReplica(
      StorageEngine storage, Executor storageExecutor, WriteObserver observer, HintKeeper hints) {
    this(storage, storageExecutor, observer, hints, StorageByteBudget.UNLIMITED);
  }

  public LocalReplica(
      StorageEngine storage,
      Executor storageExecutor,
      WriteObserver observer,
      HintKeeper hints,
      StorageByteBudget budget) {
    this.storage = storage;
    this.storageExecutor = storageExecutor;
    this.observer = observer;
    this.hints = hints;
    this.budget = budget;
  }

  /**
   * Applies {@code change} through the engine's writer and, once stored, tells the observer what it
   * did. Completes once stored.
   */
  private CompletableFuture<DottedVersionVectorSet> update(
      int bucket, byte[] key, long bytes, UnaryOperator<DottedVersionVectorSet> change) {
    return charged(bytes, () -> update(bucket, key, change));
  }

  private CompletableFuture<DottedVersionVectorSet> update(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change) {
    // The observer (the Merkle trees) hears of a write once it is stored, not when the writer
    // applies it: a tree built from a scan meanwhile would otherwise miss a key still in its batch.
    // Tree updates add and subtract digests, so their order across keys does not matter.
    AtomicReference<DottedVersionVectorSet> before = new AtomicReference<>();
    try {
      return storage
          .updateAsync(
              bucket,
              key,
              current -> {
                before.set(current);
                return change.apply(current);
              },
              storageExecutor)
          .thenApply(
              after -> {
                observer.onWrite(bucket, key, before.get(), after);
                return after;
              })
          .exceptionallyCompose(LocalReplica::overloaded);
    } catch (RejectedExecutionException e) {
      return overloaded(e);
    }
  }

  /** Runs {@code write} holding {@code bytes} of the budget until it completes, or OVERLOADED. */
  private <T> CompletableFuture<T> charged(long bytes, Supplier<CompletableFuture<T>> write) {
    if (!budget.tryAcquire(bytes)) {
      return CompletableFuture.failedFuture(
          new RingstoreException(
              ErrorCode.OVERLOADED,
              "the node's storage queue holds its byte limit ("
                  + budget.limit()
                  + " bytes); retry with backoff"));
    }
    CompletableFuture<T> done;
    try {
      done = write.get();
    } catch (RuntimeException | Error e) {
      budget.release(bytes);
      throw e;
    }
    return done.whenComplete((result, failure) -> budget.release(bytes));
  }

  /** What a write holds in memory while it waits: its key and its values. */
  static long payloadBytes(byte[] key, DottedVersionVectorSet set) {
    long bytes = key.length;
    for (byte[] value : set.values()) {
      bytes += value.length;
    }
    return bytes;
  }

  private static <T> CompletableFuture<T> overloaded(Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    if (cause instanceof RejectedExecutionException) {
      return CompletableFuture.failedFuture(
          new RingstoreException(
              ErrorCode.OVERLOADED, "the node's storage queue is full; retry with backoff"));
    }
    return CompletableFuture.failedFuture(cause);
  }

  /** The stored set, or the hint for {@code hintFor} when it is set. */
  public CompletableFuture<DottedVersionVectorSet> read(int bucket, byte[] key, NodeId hintFor) {
    if (hintFor == null) {
      Optional<DottedVersionVectorSet> cached = storage.getIfCached(bucket, key);
      if (cached.isPresent()) {
        return CompletableFuture.completedFuture(cached.get());
      }
      return onStorage(() -> storage.get(bucket, key));
    }
    return onStorage(() -> storage.hint(hintFor, bucket, key));
  }

  /**
   * Merges a set another node coordinated (replication, read repair, hint replay): never checked
   * against the sibling limit, which binds client writes only. As a fallback ({@code hintFor} set)
   * it keeps a hint, which this node's hint bounds may refuse.
   */
  public CompletableFuture<Void> merge(
      int bucket, byte[] key, DottedVersionVectorSet set, NodeId hintFor) {
    long bytes = payloadBytes(key, set);
    if (hintFor == null) {
      return update(bucket, key, bytes, current -> current.sync(set)).thenApply(stored -> null);
    }
    return charged(
        bytes,
        () ->
            onStorage(
                () -> {
                  hints.keep(new Hint(hintFor, bucket, key, set));
                  return null;
                }));
  }

  /**
   * Removes the key if its stored set is exactly {@code expected} (a tombstone every primary holds,
   * see {@code TombstoneReaper}); a key changed since is kept. Completes with whether the key is
   * gone.
   */
  public CompletableFuture<Boolean> reap(int bucket, byte[] key, DottedVersionVectorSet expected) {
    DottedVersionVectorSet empty = DottedVersionVectorSet.empty();
    return update(
            bucket,
            key,
            payloadBytes(key, expected),
            current -> current.equals(expected) ? empty : current)
        .thenApply(empty::equals);
  }

  /** Applies a coordinated write (a client's put or delete) and returns the stored set. */
  public CompletableFuture<DottedVersionVectorSet> coordinate(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change) {
    return coordinate(bucket, key, key.length, change);
  }

  /**
   * {@link #coordinate(int, byte[], UnaryOperator)} charging {@code payloadBytes} (the request's
   * size: the value hides in {@code change}) to the byte budget.
   */
  public CompletableFuture<DottedVersionVectorSet> coordinate(
      int bucket, byte[] key, long payloadBytes, UnaryOperator<DottedVersionVectorSet> change) {
    return update(bucket, key, payloadBytes, change);
  }

  /** Keeps a hint on this node, if its hint bounds allow. */
  public CompletableFuture<Void> keepHint(Hint hint) {
    return charged(
        payloadBytes(hint.key(), hint.set()),
        () ->
            onStorage(
                () -> {
                  hints.keep(hint);
                  return null;
                }));
  }

  private <T> CompletableFuture<T> onStorage(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, storageExecutor);
    } catch (RejectedExecutionException e) {
      return overloaded(e);
    }
  }
}
