package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The reference {@link StorageEngine}: sorted concurrent maps in memory, the same per-key atomicity
 * (lock striping) and the same key order as {@link RocksDbStorageEngine}. Nothing survives the
 * process, so every instance is a new data directory with a new incarnation. For tests and the
 * in-process cluster harness. Scans are weakly consistent rather than snapshots.
 */
public final class InMemoryStorageEngine implements StorageEngine {
  private final NodeIdentity identity;
  private final CoordinatorActors actors;
  private final ConcurrentSkipListMap<DataKey, DottedVersionVectorSet> data =
      new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<byte[], DottedVersionVectorSet> hints =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  private final Map<String, byte[]> meta = new ConcurrentHashMap<>();
  private final KeyLocks locks = new KeyLocks(KeyLocks.DEFAULT_STRIPES);
  private volatile boolean closed;

  /** An empty store for {@code node}, with an incarnation drawn from {@code random}. */
  public InMemoryStorageEngine(NodeId node, RandomGenerator random) {
    identity =
        new NodeIdentity(ActorId.newIncarnation(node, random), NodeIdentity.Origin.NEW_DATA_DIR);
    actors =
        CoordinatorActors.open(
            node,
            new CoordinatorActors.Meta() {
              @Override
              public Optional<byte[]> get(String name) {
                return Optional.ofNullable(meta.get(name));
              }

              @Override
              public void put(String name, byte[] value) {
                meta.put(name, value.clone());
              }
            },
            identity.origin(),
            random);
  }

  @Override
  public CoordinatorActors actors() {
    return actors;
  }

  @Override
  public NodeIdentity identity() {
    return identity;
  }

  @Override
  public DottedVersionVectorSet get(int bucket, byte[] key) {
    checkOpen();
    return data.getOrDefault(DataKey.of(bucket, key), DottedVersionVectorSet.empty());
  }

  /** Everything is in memory, so every read can be had without blocking. */
  @Override
  public Optional<DottedVersionVectorSet> getIfCached(int bucket, byte[] key) {
    return Optional.of(get(bucket, key));
  }

  @Override
  public DottedVersionVectorSet update(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change) {
    Objects.requireNonNull(change, "change");
    DataKey dataKey = DataKey.of(bucket, key);
    checkOpen();
    return locks.withKey(
        dataKey.hashCode(),
        () -> {
          DottedVersionVectorSet current =
              data.getOrDefault(dataKey, DottedVersionVectorSet.empty());
          DottedVersionVectorSet next =
              Objects.requireNonNull(change.apply(current), "change returned null");
          if (next.equals(DottedVersionVectorSet.empty())) {
            data.remove(dataKey);
          } else {
            StoredSetLimits.check(next, DottedVersionVectorSetCodec.encode(next).length);
            data.put(dataKey, next);
          }
          return next;
        });
  }

  @Override
  public void scan(
      int bucket, byte[] fromKey, BiPredicate<byte[], DottedVersionVectorSet> visitor) {
    checkOpen();
    DataKey from = DataKey.of(bucket, fromKey);
    DataKey end = DataKey.bucketEnd(bucket);
    ConcurrentNavigableMap<DataKey, DottedVersionVectorSet> range =
        end == null ? data.tailMap(from) : data.subMap(from, end);
    for (Map.Entry<DataKey, DottedVersionVectorSet> entry : range.entrySet()) {
      if (!visitor.test(entry.getKey().userKey(), entry.getValue())) {
        return;
      }
    }
  }

  @Override
  public void deleteBucket(int bucket) {
    checkOpen();
    actors.bucketDropped(bucket);
    DataKey start = DataKey.bucketStart(bucket);
    DataKey end = DataKey.bucketEnd(bucket);
    locks.withAllKeys(() -> (end == null ? data.tailMap(start) : data.subMap(start, end)).clear());
  }

  @Override
  public HintGrowth putHint(Hint hint) {
    checkOpen();
    byte[] hintKey = HintKey.of(hint.target(), hint.bucket(), hint.key());
    return locks.withKey(
        Arrays.hashCode(hintKey),
        () -> {
          DottedVersionVectorSet held = hints.get(hintKey);
          DottedVersionVectorSet merged = held == null ? hint.set() : held.sync(hint.set());
          hints.put(hintKey, merged);
          long before =
              held == null ? 0 : new Hint(hint.target(), 0, hint.key(), held).storedBytes();
          return new HintGrowth(
              before, new Hint(hint.target(), 0, hint.key(), merged).storedBytes());
        });
  }

  @Override
  public void scanHints(NodeId target, Predicate<Hint> visitor) {
    checkOpen();
    for (Map.Entry<byte[], DottedVersionVectorSet> entry :
        hints.subMap(HintKey.prefix(target), HintKey.prefixEnd(target)).entrySet()) {
      DataKey dataKey = HintKey.dataKey(entry.getKey());
      if (!visitor.test(new Hint(target, dataKey.bucket(), dataKey.userKey(), entry.getValue()))) {
        return;
      }
    }
  }

  @Override
  public DottedVersionVectorSet hint(NodeId target, int bucket, byte[] key) {
    checkOpen();
    return hints.getOrDefault(HintKey.of(target, bucket, key), DottedVersionVectorSet.empty());
  }

  @Override
  public SortedSet<NodeId> hintTargets() {
    checkOpen();
    SortedSet<NodeId> targets = new TreeSet<>();
    hints.keySet().forEach(key -> targets.add(HintKey.target(key)));
    return targets;
  }

  @Override
  public boolean deleteHint(Hint delivered) {
    checkOpen();
    byte[] hintKey = HintKey.of(delivered.target(), delivered.bucket(), delivered.key());
    return locks.withKey(Arrays.hashCode(hintKey), () -> hints.remove(hintKey, delivered.set()));
  }

  @Override
  public Optional<byte[]> meta(String name) {
    checkOpen();
    return Optional.ofNullable(meta.get(name)).map(byte[]::clone);
  }

  @Override
  public void putMeta(String name, byte[] value) {
    NodeIdentity.checkUserMetaName(name);
    checkOpen();
    meta.put(name, value.clone());
  }

  @Override
  public StorageStats stats() {
    checkOpen();
    return new StorageStats(data.size(), 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("storage engine is closed");
    }
  }
}
