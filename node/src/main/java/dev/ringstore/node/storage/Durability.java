package dev.ringstore.node.storage;

/**
 * When a write is on disk relative to when the engine reports it done. Chosen per node; benchmarks
 * always say which.
 */
public enum Durability {
  /**
   * A write returns only after its write-ahead-log entry is synced to disk. Concurrent writers
   * share one sync (RocksDB's write groups), as etcd does. An acknowledged write survives a power
   * loss.
   */
  FSYNC,

  /**
   * A write returns once its write-ahead-log entry is in the operating system's page cache; a
   * background task syncs the log every {@link StorageConfig#walSyncInterval()} and on close.
   * Dynamo's buffered writes: a process crash loses nothing, a machine crash loses at most the last
   * interval of acknowledged writes. After such a crash the node takes a new incarnation (see
   * {@link NodeIdentity}).
   */
  ASYNC
}
