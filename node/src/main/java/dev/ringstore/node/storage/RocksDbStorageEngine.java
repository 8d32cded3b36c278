package dev.ringstore.node.storage;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.TickerType;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link StorageEngine}: one RocksDB with the column families {@code data}, {@code
 * hints} and {@code meta} (see {@link RocksDbInstance}, {@link DataKey}), values encoded by {@link
 * DottedVersionVectorSetCodec}.
 *
 * <p>Per-key atomicity comes from {@link KeyLocks}: an update reads, applies the change, writes and
 * refreshes the {@link DecodedSetCache} holding its key's lock. Durability follows {@link
 * StorageConfig#durability()}: with {@link Durability#FSYNC} each write is a synced RocksDB write,
 * and concurrent writers share syncs through RocksDB's write groups; with {@link Durability#ASYNC}
 * a {@link WalSyncer} syncs the log in the background. Opening resolves the {@link NodeIdentity}.
 */
public final class RocksDbStorageEngine implements StorageEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbStorageEngine.class);

  /** Updates waiting for the writer before they are refused (OVERLOADED). */
  static final int WRITE_QUEUE = 16_384;

  private final RocksDbInstance rocks;
  private final NodeIdentity identity;
  private final CoordinatorActors actors;
  private final OpenGuard guard = new OpenGuard();
  private final KeyLocks locks = new KeyLocks(KeyLocks.DEFAULT_STRIPES);
  private final DecodedSetCache cache;
  private final RocksDbHintStore hints;
  private final AtomicBoolean unsynced = new AtomicBoolean();
  private final WalSyncer walSyncer; // null with FSYNC
  private final GroupCommit writer;

  private RocksDbStorageEngine(
      StorageConfig config,
      RocksDbInstance rocks,
      NodeIdentity identity,
      CoordinatorActors actors,
      ScheduledExecutorService schedulerOrNull) {
    this.rocks = rocks;
    this.identity = identity;
    this.actors = actors;
    this.cache = new DecodedSetCache(config.cacheBytes());
    this.hints = new RocksDbHintStore(rocks, locks);
    DataWrites writes = new DataWrites(rocks, guard, locks, cache, unsynced);
    this.writer =
        new GroupCommit("ringstore-storage-writer-" + identity.node(), WRITE_QUEUE, writes::commit);
    if (config.durability() == Durability.FSYNC) {
      walSyncer = null;
    } else if (schedulerOrNull == null) {
      walSyncer = WalSyncer.onOwnThread(config.walSyncInterval(), this::syncWalIfWritten);
    } else {
      walSyncer = WalSyncer.on(schedulerOrNull, config.walSyncInterval(), this::syncWalIfWritten);
    }
  }

  /**
   * Opens (or creates) the store in {@code config.dataDir()} for {@code node}; in ASYNC mode the
   * WAL sync runs on a thread the engine owns. {@code random} draws new incarnations.
   *
   * @throws ForeignDataDirectoryException when the directory belongs to another node
   * @throws StorageException when RocksDB cannot open it (also: already open in this process)
   */
  public static RocksDbStorageEngine open(
      StorageConfig config, NodeId node, RandomGenerator random) {
    return openWith(config, node, random, null);
  }

  /** As {@link #open(StorageConfig, NodeId, RandomGenerator)}, syncing on {@code scheduler}. */
  public static RocksDbStorageEngine open(
      StorageConfig config,
      NodeId node,
      RandomGenerator random,
      ScheduledExecutorService scheduler) {
    return openWith(config, node, random, Objects.requireNonNull(scheduler, "scheduler"));
  }

  private static RocksDbStorageEngine openWith(
      StorageConfig config,
      NodeId node,
      RandomGenerator random,
      ScheduledExecutorService schedulerOrNull) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(random, "random");
    RocksDbInstance rocks = RocksDbInstance.open(config.dataDir(), config.durability());
    try {
      NodeIdentity identity =
          RocksDbSession.begin(rocks, config.dataDir(), config.durability(), node, random);
      CoordinatorActors actors =
          CoordinatorActors.open(node, RocksDbSession.meta(rocks), identity.origin(), random);
      return new RocksDbStorageEngine(config, rocks, identity, actors, schedulerOrNull);
    } catch (RocksDBException e) {
      rocks.close();
      throw new StorageException("cannot record identity in " + config.dataDir(), e);
    } catch (RuntimeException e) {
      rocks.close();
      throw e;
    }
  }

  @Override
  public NodeIdentity identity() {
    return identity;
  }

  @Override
  public CoordinatorActors actors() {
    return actors;
  }

  @Override
  public DottedVersionVectorSet get(int bucket, byte[] key) {
    DataKey dataKey = DataKey.of(bucket, key);
    return guard.call(
        "get",
        () -> {
          DottedVersionVectorSet cached = cache.get(dataKey);
          if (cached != null) {
            return cached;
          }
          if (!cache.enabled()) {
            return load(dataKey);
          }
          // Fill the cache only under the key's lock, so a load never overwrites a newer write.
          return locks.withKey(dataKey.hashCode(), () -> load(dataKey));
        });
  }

  @Override
  public Optional<DottedVersionVectorSet> getIfCached(int bucket, byte[] key) {
    DataKey dataKey = DataKey.of(bucket, key);
    return guard.tryCall(() -> Optional.ofNullable(cache.get(dataKey)), Optional.empty());
  }

  /** The stored set, from the cache or RocksDB (then cached). Hold the key's lock if caching. */
  private DottedVersionVectorSet load(DataKey dataKey) throws RocksDBException {
    DottedVersionVectorSet cached = cache.peek(dataKey);
    if (cached != null) {
      return cached;
    }
    byte[] stored = rocks.db.get(rocks.data, dataKey.bytes());
    DottedVersionVectorSet set =
        stored == null
            ? DottedVersionVectorSet.empty()
            : DottedVersionVectorSetCodec.decode(stored);
    cache.put(dataKey, set, stored == null ? 0 : stored.length);
    return set;
  }

  /**
   * Applies the change on the engine's {@link GroupCommit} writer and waits for it to be written.
   */
  @Override
  public DottedVersionVectorSet update(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change) {
    try {
      return updateAsync(bucket, key, change, Runnable::run).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Queues the update for the engine's writer, which applies it with others in one write batch and
   * one WAL sync; {@code executor} is not used. Completes on the writer thread, after the write.
   */
  @Override
  public CompletableFuture<DottedVersionVectorSet> updateAsync(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change, Executor executor) {
    Objects.requireNonNull(change, "change");
    return writer.submit(DataKey.of(bucket, key), change);
  }

  @Override
  public void scan(
      int bucket, byte[] fromKey, BiPredicate<byte[], DottedVersionVectorSet> visitor) {
    DataKey from = DataKey.of(bucket, fromKey);
    DataKey end = DataKey.bucketEnd(bucket);
    Objects.requireNonNull(visitor, "visitor");
    guard.run(
        "scan",
        () -> {
          try (Slice upper = end == null ? null : new Slice(end.bytes());
              ReadOptions options = new ReadOptions().setFillCache(false)) {
            if (upper != null) {
              options.setIterateUpperBound(upper);
            }
            try (RocksIterator it = rocks.db.newIterator(rocks.data, options)) {
              for (it.seek(from.bytes()); it.isValid(); it.next()) {
                DataKey key = DataKey.fromStored(it.key());
                DottedVersionVectorSet set = DottedVersionVectorSetCodec.decode(it.value());
                if (key.bucket() != bucket || !visitor.test(key.userKey(), set)) {
                  return;
                }
              }
              it.status();
            }
          }
        });
  }

  @Override
  public void deleteBucket(int bucket) {
    DataKey start = DataKey.bucketStart(bucket);
    DataKey end = DataKey.bucketEnd(bucket);
    guard.run("deleteBucket", () -> actors.bucketDropped(bucket));
    guard.run(
        "deleteBucket",
        () ->
            locks.withAllKeys(
                () -> {
                  if (end != null) {
                    rocks.db.deleteRange(rocks.data, rocks.synced, start.bytes(), end.bytes());
                  } else {
                    deleteLastBucket(start);
                  }
                  cache.invalidateBucket(bucket);
                }));
  }

  /** The last bucket has no successor key: delete up to its last key, then that key. */
  private void deleteLastBucket(DataKey start) throws RocksDBException {
    try (RocksIterator it = rocks.db.newIterator(rocks.data)) {
      it.seekToLast();
      if (!it.isValid() || DataKey.fromStored(it.key()).bucket() != start.bucket()) {
        it.status();
        return;
      }
      try (WriteBatch batch = new WriteBatch()) {
        batch.deleteRange(rocks.data, start.bytes(), it.key());
        batch.delete(rocks.data, it.key());
        rocks.db.write(rocks.synced, batch);
      }
    }
  }

  @Override
  public HintGrowth putHint(Hint hint) {
    HintGrowth growth = guard.call("putHint", () -> hints.put(hint));
    unsynced.set(true);
    return growth;
  }

  @Override
  public void scanHints(NodeId target, Predicate<Hint> visitor) {
    guard.run("scanHints", () -> hints.scan(target, visitor));
  }

  @Override
  public DottedVersionVectorSet hint(NodeId target, int bucket, byte[] key) {
    return guard.call("hint", () -> hints.get(target, bucket, key));
  }

  @Override
  public SortedSet<NodeId> hintTargets() {
    return guard.call("hintTargets", hints::targets);
  }

  @Override
  public boolean deleteHint(Hint delivered) {
    boolean deleted = guard.call("deleteHint", () -> hints.delete(delivered));
    unsynced.set(true);
    return deleted;
  }

  @Override
  public Optional<byte[]> meta(String name) {
    Objects.requireNonNull(name, "name");
    return guard.call("meta", () -> RocksDbSession.readMeta(rocks, name));
  }

  @Override
  public void putMeta(String name, byte[] value) {
    NodeIdentity.checkUserMetaName(name);
    Objects.requireNonNull(value, "value");
    guard.run(
        "putMeta",
        () -> rocks.db.put(rocks.meta, rocks.synced, RocksDbInstance.bytes(name), value));
  }

  @Override
  public StorageStats stats() {
    return guard.call(
        "stats",
        () -> {
          CacheStats cacheStats = cache.stats();
          return new StorageStats(
              rocks.db.getLongProperty(rocks.data, "rocksdb.estimate-num-keys"),
              rocks.db.getAggregatedLongProperty("rocksdb.live-sst-files-size"),
              rocks.db.getAggregatedLongProperty("rocksdb.cur-size-all-mem-tables"),
              rocks.statistics.getTickerCount(TickerType.WAL_FILE_SYNCED),
              cacheStats.hitCount(),
              cacheStats.missCount(),
              cacheStats.evictionCount(),
              cache.weightedSize());
        });
  }

  /** The ASYNC background task: sync the WAL if anything was written since the last sync. */
  void syncWalIfWritten() {
    if (!unsynced.getAndSet(false)) {
      return;
    }
    try {
      guard.run("periodic WAL sync", rocks.db::syncWal);
    } catch (IllegalStateException closed) {
      // Closing: close() syncs.
    } catch (RuntimeException e) {
      unsynced.set(true);
      LOG.warn("periodic WAL sync failed; retrying at the next interval", e);
    }
  }

  @Override
  public void close() {
    writer.close(); // first: queued writes land before the database closes
    if (walSyncer != null) {
      walSyncer.close(); // first: its task takes the guard's shared lock
    }
    guard.close(
        () -> {
          try {
            RocksDbSession.endCleanly(rocks);
          } catch (RocksDBException e) {
            LOG.warn("shutdown not clean ({}); the next open treats it as a crash", e.getMessage());
          } finally {
            cache.invalidateAll();
            rocks.close();
          }
        });
  }
}
