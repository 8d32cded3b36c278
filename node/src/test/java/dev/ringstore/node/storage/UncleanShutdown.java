package dev.ringstore.node.storage;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;

/**
 * Leaves a closed data directory as a crash would: without the clean-shutdown marker that open
 * cleared and close never wrote back. (A real process kill is in {@code UncleanShutdownIT}.)
 */
final class UncleanShutdown {
  private UncleanShutdown() {}

  static void simulate(Path dataDir) throws RocksDBException {
    try (RocksDbInstance rocks = RocksDbInstance.open(dataDir, Durability.FSYNC)) {
      rocks.db.delete(rocks.meta, rocks.synced, RocksDbInstance.bytes(NodeIdentity.CLEAN_SHUTDOWN));
    }
  }
}
