package dev.ringstore.node.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node's storage engine is set up. Each setting has its default beside it; start from {@link
 * #defaults(Path)} and change what you need with the {@code with…} methods.
 *
 * @param dataDir the directory RocksDB keeps its files in; created when missing, owned by one node
 * @param durability when a write is on disk relative to its acknowledgement
 * @param cacheBytes capacity of the cache of decoded values, in approximate encoded bytes; 0
 *     disables it
 * @param walSyncInterval in {@link Durability#ASYNC} mode, how often the background task syncs the
 *     write-ahead log: the most acknowledged writes a machine crash can lose
 */
public record StorageConfig(
    Path dataDir, Durability durability, long cacheBytes, Duration walSyncInterval) {

  /** Safe by default: an acknowledged write survives a power loss. */
  public static final Durability DURABILITY_DEFAULT = Durability.FSYNC;

  /** 64 MiB of hot decoded values. */
  public static final long CACHE_BYTES_DEFAULT = 64L << 20;

  /** Ten syncs a second: negligible disk load, a bounded window of loss. */
  public static final Duration WAL_SYNC_INTERVAL_DEFAULT = Duration.ofMillis(100);

  public StorageConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(walSyncInterval, "walSyncInterval");
    if (cacheBytes < 0) {
      throw new IllegalArgumentException("cacheBytes must be >= 0, got " + cacheBytes);
    }
    if (walSyncInterval.isNegative() || walSyncInterval.isZero()) {
      throw new IllegalArgumentException(
          "walSyncInterval must be positive, got " + walSyncInterval);
    }
  }

  /** The defaults, storing in {@code dataDir}. */
  public static StorageConfig defaults(Path dataDir) {
    return new StorageConfig(
        dataDir, DURABILITY_DEFAULT, CACHE_BYTES_DEFAULT, WAL_SYNC_INTERVAL_DEFAULT);
  }

  public StorageConfig withDurability(Durability durability) {
    return new StorageConfig(dataDir, durability, cacheBytes, walSyncInterval);
  }

  public StorageConfig withCacheBytes(long cacheBytes) {
    return new StorageConfig(dataDir, durability, cacheBytes, walSyncInterval);
  }

  public StorageConfig withWalSyncInterval(Duration walSyncInterval) {
    return new StorageConfig(dataDir, durability, cacheBytes, walSyncInterval);
  }
}
