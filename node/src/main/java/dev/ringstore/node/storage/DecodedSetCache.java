package dev.ringstore.node.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ringstore.common.versioning.DottedVersionVectorSet;

/**
 * Decoded sets of hot keys (Caffeine, W-TinyLFU), bounded by weight: the key's bytes, the set's
 * encoded size and a fixed per-entry overhead. Absent keys are cached too (as the empty set), which
 * makes the read before a first write cheap.
 *
 * <p>Never stale, by one rule: every {@link #put} happens while holding the key's lock (see {@link
 * KeyLocks}), after the write it reflects reached RocksDB. Lookups without the lock only ever see a
 * value some completed write (or load) left. Eviction only removes. A capacity of 0 disables the
 * cache.
 */
final class DecodedSetCache {
  /** Object headers, the map node, the key wrapper and the set's lists, roughly. */
  static final int ENTRY_OVERHEAD_BYTES = 96;

  private record Entry(DottedVersionVectorSet set, int weight) {}

  private final Cache<DataKey, Entry> cache;

  DecodedSetCache(long capacityBytes) {
    this.cache =
        capacityBytes == 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .<DataKey, Entry>weigher((key, entry) -> entry.weight())
                .executor(Runnable::run) // maintenance on the calling thread: no shared pool
                .recordStats()
                .build();
  }

  boolean enabled() {
    return cache != null;
  }

  /** The cached set, counting a hit or miss; null if absent. */
  DottedVersionVectorSet get(DataKey key) {
    Entry entry = cache == null ? null : cache.getIfPresent(key);
    return entry == null ? null : entry.set();
  }

  /** The cached set without counting; null if absent. For the re-check under the key's lock. */
  DottedVersionVectorSet peek(DataKey key) {
    Entry entry = cache == null ? null : cache.policy().getIfPresentQuietly(key);
    return entry == null ? null : entry.set();
  }

  /** Caches {@code set}, whose encoding takes {@code encodedBytes}. Call holding the key's lock. */
  void put(DataKey key, DottedVersionVectorSet set, int encodedBytes) {
    if (cache != null) {
      long weight = (long) key.bytes().length + encodedBytes + ENTRY_OVERHEAD_BYTES;
      cache.put(key, new Entry(set, (int) Math.min(Integer.MAX_VALUE, weight)));
    }
  }

  /** Drops every entry of {@code bucket}. Call holding every key lock. */
  void invalidateBucket(int bucket) {
    if (cache != null) {
      cache.asMap().keySet().removeIf(key -> key.bucket() == bucket);
    }
  }

  void invalidateAll() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  CacheStats stats() {
    return cache == null ? CacheStats.empty() : cache.stats();
  }

  long weightedSize() {
    if (cache == null) {
      return 0;
    }
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }
}
