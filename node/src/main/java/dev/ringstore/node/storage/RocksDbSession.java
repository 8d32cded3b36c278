package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start and end of one session on a data directory, the bookkeeping behind {@link
 * NodeIdentity}'s rules: on open, resolve the identity, record it with this session's durability
 * and clear the clean-shutdown marker, in one synced batch, before anything is served; on close,
 * sync the log, flush the memtables, and only then set the marker.
 */
final class RocksDbSession {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbSession.class);

  private RocksDbSession() {}

  static NodeIdentity begin(
      RocksDbInstance rocks,
      Path dataDir,
      Durability durability,
      NodeId node,
      RandomGenerator random)
      throws RocksDBException {
    NodeIdentity identity =
        NodeIdentity.resolve(name -> readMeta(rocks, name), dataDir, node, random);
    try (WriteBatch batch = new WriteBatch()) {
      for (Map.Entry<String, byte[]> entry : identity.sessionRecord(durability).entrySet()) {
        batch.put(rocks.meta, RocksDbInstance.bytes(entry.getKey()), entry.getValue());
      }
      batch.delete(rocks.meta, RocksDbInstance.bytes(NodeIdentity.CLEAN_SHUTDOWN));
      rocks.db.write(rocks.synced, batch);
    }
    if (identity.origin() == NodeIdentity.Origin.NEW_AFTER_UNCLEAN_SHUTDOWN) {
      LOG.warn(
          "{}: the previous ASYNC session did not shut down cleanly and may have lost"
              + " acknowledged writes; writing as the new actor {}",
          dataDir,
          identity.actor());
    } else {
      LOG.info("{}: writing as {} ({})", dataDir, identity.actor(), identity.origin());
    }
    return identity;
  }

  /** Makes every acknowledged write durable, then marks the shutdown clean. */
  static void endCleanly(RocksDbInstance rocks) throws RocksDBException {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      rocks.db.syncWal();
      rocks.db.flush(flush, List.of(rocks.data, rocks.hints, rocks.meta));
      rocks.db.put(
          rocks.meta,
          rocks.synced,
          RocksDbInstance.bytes(NodeIdentity.CLEAN_SHUTDOWN),
          new byte[] {1});
    }
  }

  /** The {@code meta} column family, every put synced. */
  static CoordinatorActors.Meta meta(RocksDbInstance rocks) {
    return new CoordinatorActors.Meta() {
      @Override
      public Optional<byte[]> get(String name) {
        return readMeta(rocks, name);
      }

      @Override
      public void put(String name, byte[] value) {
        try {
          rocks.db.put(rocks.meta, rocks.synced, RocksDbInstance.bytes(name), value);
        } catch (RocksDBException e) {
          throw new StorageException("writing meta " + name + " failed: " + e.getMessage(), e);
        }
      }
    };
  }

  static Optional<byte[]> readMeta(RocksDbInstance rocks, String name) {
    try {
      return Optional.ofNullable(rocks.db.get(rocks.meta, RocksDbInstance.bytes(name)));
    } catch (RocksDBException e) {
      throw new StorageException("reading meta " + name + " failed: " + e.getMessage(), e);
    }
  }
}
