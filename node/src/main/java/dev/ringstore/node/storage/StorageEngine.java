package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A node's local store: per key (a bucket and the user's bytes) one {@link DottedVersionVectorSet},
 * plus the hints the node holds for others and a few named metadata values.
 *
 * <p><b>Blocking.</b> Every method may wait for the disk. Call it from a dedicated executor, never
 * from a Netty event loop. All methods are thread-safe.
 *
 * <p><b>Atomic per key.</b> A key's value changes only through {@link #update}, which reads,
 * applies the caller's change and writes under that key's lock: concurrent updates of one key are
 * applied one after another and none is lost. Keys order by unsigned bytes within a bucket; buckets
 * are 0..65535.
 *
 * <p>Implementations: {@link RocksDbStorageEngine}, the real one, and {@link
 * InMemoryStorageEngine}, the reference for tests. Both pass {@code StorageEngineContract}.
 */
public interface StorageEngine extends AutoCloseable {

  /** Who writes through this engine: the node and its data directory's incarnation. */
  NodeIdentity identity();

  /** Which actor this node coordinates each write with (see {@link CoordinatorActors}). */
  CoordinatorActors actors();

  /** The stored set of {@code key} in {@code bucket}, or {@link DottedVersionVectorSet#empty()}. */
  DottedVersionVectorSet get(int bucket, byte[] key);

  /**
   * Atomically replaces the stored set of {@code key} by {@code change} applied to it, durably as
   * the engine's {@link Durability} promises, and returns the new set. Returning the set unchanged
   * writes nothing; returning {@link DottedVersionVectorSet#empty()} removes the key.
   *
   * <p>If {@code change} throws, nothing is stored and the exception propagates (the server rejects
   * a write with too many siblings this way). {@code change} runs holding the key's lock: keep it
   * short and do not call the engine from it.
   */
  DottedVersionVectorSet update(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change);

  /**
   * {@link #update} without blocking the caller: the future completes with the new set once it is
   * stored (or fails with what {@code change} threw). Engines with their own writer (RocksDB's
   * group commit) queue it there; the default runs {@link #update} on {@code executor}.
   */
  default CompletableFuture<DottedVersionVectorSet> updateAsync(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change, Executor executor) {
    return CompletableFuture.supplyAsync(() -> update(bucket, key, change), executor);
  }

  /**
   * Visits the keys of {@code bucket} from {@code fromKey} (inclusive; an empty array is the first
   * key) in unsigned byte order, until {@code visitor} returns false. A resumable cursor for bucket
   * transfer and Merkle rebuilds: resume after key k from k + {@code 0x00}. RocksDB scans see one
   * point-in-time snapshot; the visitor may call the engine, but not {@link #close()}.
   */
  void scan(int bucket, byte[] fromKey, BiPredicate<byte[], DottedVersionVectorSet> visitor);

  /** Visits every key of {@code bucket} in unsigned byte order. */
  default void scan(int bucket, BiConsumer<byte[], DottedVersionVectorSet> visitor) {
    scan(
        bucket,
        new byte[0],
        (key, set) -> {
          visitor.accept(key, set);
          return true;
        });
  }

  /** Drops every key of {@code bucket} (a range delete), as a node does after handing it off. */
  void deleteBucket(int bucket);

  /**
   * Stores a hint, merged ({@link DottedVersionVectorSet#sync}) into any hint already held for the
   * same target, bucket and key, durably as the engine's {@link Durability} promises, and says how
   * the stored entry's size changed, so the caller can keep count without scanning.
   */
  HintGrowth putHint(Hint hint);

  /**
   * Visits the hints held for {@code target} in bucket and key order, until it returns false. The
   * visitor may delete the hint it is shown ({@link #deleteHint}); the scan goes on past it.
   */
  void scanHints(NodeId target, Predicate<Hint> visitor);

  /**
   * The hint held for {@code target}'s copy of {@code key}, or {@link
   * DottedVersionVectorSet#empty()}.
   */
  DottedVersionVectorSet hint(NodeId target, int bucket, byte[] key);

  /** The nodes this node holds at least one hint for, in id order. */
  SortedSet<NodeId> hintTargets();

  /**
   * Forgets the hint for {@code delivered}'s target, bucket and key if it still holds exactly
   * {@code delivered.set()}, and returns whether it did. A hint that grew since it was read stays,
   * so a write merged in during delivery is delivered next time rather than lost.
   */
  boolean deleteHint(Hint delivered);

  /**
   * The stored set if it can be had without blocking (a cache hit), else empty. Never touches disk,
   * so it may be called from a network event loop; a value it returns is never older than a write
   * that has returned.
   */
  default Optional<DottedVersionVectorSet> getIfCached(int bucket, byte[] key) {
    return Optional.empty();
  }

  /** The metadata value called {@code name}, if set. */
  Optional<byte[]> meta(String name);

  /**
   * Sets the metadata value called {@code name}; synced to disk before it returns, whatever the
   * engine's durability. Names starting with {@code storage.} belong to the engine.
   *
   * @throws IllegalArgumentException for an empty or reserved name
   */
  void putMeta(String name, byte[] value);

  /** Numbers worth watching; cheap. */
  StorageStats stats();

  /**
   * Syncs and flushes what is buffered, marks the shutdown clean and releases every resource.
   * Idempotent; any other call afterwards throws {@link IllegalStateException}.
   */
  @Override
  void close();
}
