package dev.ringstore.node.storage;

/**
 * A snapshot of numbers worth watching on a storage engine, cheap to take (RocksDB properties and
 * counters, no scans). {@link StorageMetrics} publishes them.
 *
 * @param approximateKeys keys in the data column family, estimated by RocksDB (exact in memory)
 * @param liveSstBytes bytes of table files the current version of the database uses
 * @param memtableBytes bytes held in memtables, active and waiting to flush
 * @param walSyncs write-ahead-log syncs so far; fewer than synced writes means group commit works
 * @param cacheHits reads and updates served from the decoded-value cache
 * @param cacheMisses reads and updates that had to go to RocksDB
 * @param cacheEvictions entries the cache dropped to stay within its capacity
 * @param cacheBytes approximate bytes the cache holds now
 */
public record StorageStats(
    long approximateKeys,
    long liveSstBytes,
    long memtableBytes,
    long walSyncs,
    long cacheHits,
    long cacheMisses,
    long cacheEvictions,
    long cacheBytes) {}
