package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * The {@code hints} column family: one encoded set per target node, bucket and key ({@link
 * HintKey}). Merges and conditional deletes run under the same key locks as data updates. Callers
 * hold the engine's {@link OpenGuard}.
 */
final class RocksDbHintStore {
  private final RocksDbInstance rocks;
  private final KeyLocks locks;

  RocksDbHintStore(RocksDbInstance rocks, KeyLocks locks) {
    this.rocks = rocks;
    this.locks = locks;
  }

  HintGrowth put(Hint hint) throws RocksDBException {
    int keyLength = hint.key().length;
    byte[] key = HintKey.of(hint.target(), hint.bucket(), hint.key());
    return locks.withKey(
        Arrays.hashCode(key),
        () -> {
          byte[] stored = rocks.db.get(rocks.hints, key);
          DottedVersionVectorSet merged =
              stored == null
                  ? hint.set()
                  : DottedVersionVectorSetCodec.decode(stored).sync(hint.set());
          byte[] encoded = DottedVersionVectorSetCodec.encode(merged);
          rocks.db.put(rocks.hints, rocks.writes, key, encoded);
          return new HintGrowth(
              stored == null ? 0 : Hint.storedBytes(keyLength, stored.length),
              Hint.storedBytes(keyLength, encoded.length));
        });
  }

  void scan(NodeId target, Predicate<Hint> visitor) throws RocksDBException {
    try (Slice upper = new Slice(HintKey.prefixEnd(target));
        ReadOptions options = new ReadOptions().setFillCache(false).setIterateUpperBound(upper);
        RocksIterator it = rocks.db.newIterator(rocks.hints, options)) {
      for (it.seek(HintKey.prefix(target)); it.isValid(); it.next()) {
        DataKey dataKey = HintKey.dataKey(it.key());
        DottedVersionVectorSet set = DottedVersionVectorSetCodec.decode(it.value());
        if (!visitor.test(new Hint(target, dataKey.bucket(), dataKey.userKey(), set))) {
          return;
        }
      }
      it.status();
    }
  }

  DottedVersionVectorSet get(NodeId target, int bucket, byte[] userKey) throws RocksDBException {
    byte[] stored = rocks.db.get(rocks.hints, HintKey.of(target, bucket, userKey));
    return stored == null
        ? DottedVersionVectorSet.empty()
        : DottedVersionVectorSetCodec.decode(stored);
  }

  /** Hops from one target's range to the next: one seek per target, however many hints. */
  SortedSet<NodeId> targets() throws RocksDBException {
    SortedSet<NodeId> targets = new TreeSet<>();
    try (ReadOptions options = new ReadOptions().setFillCache(false);
        RocksIterator it = rocks.db.newIterator(rocks.hints, options)) {
      for (it.seekToFirst(); it.isValid(); ) {
        NodeId target = HintKey.target(it.key());
        targets.add(target);
        it.seek(HintKey.prefixEnd(target));
      }
      it.status();
    }
    return targets;
  }

  boolean delete(Hint delivered) throws RocksDBException {
    byte[] key = HintKey.of(delivered.target(), delivered.bucket(), delivered.key());
    return locks.withKey(
        Arrays.hashCode(key),
        () -> {
          byte[] stored = rocks.db.get(rocks.hints, key);
          if (stored == null
              || !DottedVersionVectorSetCodec.decode(stored).equals(delivered.set())) {
            return false;
          }
          rocks.db.delete(rocks.hints, rocks.writes, key);
          return true;
        });
  }
}
