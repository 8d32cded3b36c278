package dev.ringstore.node.storage;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One batch of data updates on the {@link GroupCommit} writer: each change applied in order to the
 * key's latest set (an earlier update of the batch, else the cache, else RocksDB), the results
 * written as one {@link WriteBatch} with the engine's durability, then published to the cache and
 * to the callers. A change that throws fails its own update only; a failed write fails the batch.
 * Nothing is visible to readers before it is durable.
 */
final class DataWrites {
  private record Staged(DottedVersionVectorSet set, int bytes) {}

  private final RocksDbInstance rocks;
  private final OpenGuard guard;
  private final KeyLocks locks;
  private final DecodedSetCache cache;
  private final AtomicBoolean unsynced;

  DataWrites(
      RocksDbInstance rocks,
      OpenGuard guard,
      KeyLocks locks,
      DecodedSetCache cache,
      AtomicBoolean unsynced) {
    this.rocks = rocks;
    this.guard = guard;
    this.locks = locks;
    this.cache = cache;
    this.unsynced = unsynced;
  }

  void commit(List<GroupCommit.Update> batch) {
    Map<DataKey, Staged> staged = new HashMap<>();
    Object[] results = new Object[batch.size()]; // the set, or the change's exception
    try {
      guard.run(
          "update",
          () -> {
            try (WriteBatch writes = new WriteBatch()) {
              for (int i = 0; i < batch.size(); i++) {
                results[i] = apply(batch.get(i), staged, writes);
              }
              if (writes.count() > 0) {
                rocks.db.write(rocks.writes, writes);
                unsynced.set(true);
              }
            }
          });
    } catch (RuntimeException e) {
      batch.forEach(u -> u.done().completeExceptionally(e));
      return;
    }
    staged.forEach(
        (key, s) ->
            locks.withKey(
                key.hashCode(),
                () -> {
                  cache.put(key, s.set(), s.bytes());
                  return null;
                }));
    for (int i = 0; i < batch.size(); i++) {
      if (results[i] instanceof DottedVersionVectorSet set) {
        batch.get(i).done().complete(set);
      } else {
        batch.get(i).done().completeExceptionally((Throwable) results[i]);
      }
    }
  }

  private Object apply(GroupCommit.Update update, Map<DataKey, Staged> staged, WriteBatch writes)
      throws RocksDBException {
    DataKey key = update.key();
    Staged earlier = staged.get(key);
    DottedVersionVectorSet current = earlier != null ? earlier.set() : latest(key);
    DottedVersionVectorSet next;
    try {
      next = Objects.requireNonNull(update.change().apply(current), "change returned null");
    } catch (RuntimeException e) {
      return e;
    }
    if (next.equals(current)) {
      return current;
    }
    if (next.equals(DottedVersionVectorSet.empty())) {
      writes.delete(rocks.data, key.bytes());
      staged.put(key, new Staged(next, 0));
    } else {
      byte[] encoded = DottedVersionVectorSetCodec.encode(next);
      try {
        StoredSetLimits.check(next, encoded.length);
      } catch (StoredSetTooLargeException e) {
        return e;
      }
      writes.put(rocks.data, key.bytes(), encoded);
      staged.put(key, new Staged(next, encoded.length));
    }
    return next;
  }

  /** The key's stored set: the cache's, else read from RocksDB (the batch caches it after). */
  private DottedVersionVectorSet latest(DataKey key) throws RocksDBException {
    DottedVersionVectorSet cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] stored = rocks.db.get(rocks.data, key.bytes());
    return stored == null
        ? DottedVersionVectorSet.empty()
        : DottedVersionVectorSetCodec.decode(stored);
  }
}
