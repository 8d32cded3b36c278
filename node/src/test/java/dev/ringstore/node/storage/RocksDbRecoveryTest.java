package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.LogFile;
import org.rocksdb.RocksDBException;

/**
 * What a restart after a crash has to replay: the write-ahead log stays bounded even when a column
 * family (meta) is written once and never fills a memtable, and recovery without a flush still
 * keeps every synced write, through more than one crash in a row.
 */
@Timeout(120)
class RocksDbRecoveryTest {
  private static final long SMALL_WAL_LIMIT = 1L << 20;

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long walBytes(RocksDbInstance rocks) throws RocksDBException {
    long total = 0;
    for (LogFile log : rocks.db.getSortedWalFiles()) {
      total += log.sizeFileBytes();
    }
    return total;
  }

  private long tableFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".sst")).count();
    }
  }

  @Test
  void theDefaultLimitIsSet() throws RocksDBException {
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC)) {
      assertThat(rocks.db.getDBOptions().maxTotalWalSize())
          .isEqualTo(RocksDbInstance.MAX_TOTAL_WAL_BYTES);
    }
  }

  @Test
  void recoveryReplaysTheLogIntoMemtablesWithoutWritingTableFiles()
      throws RocksDBException, IOException {
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC)) {
      for (int i = 0; i < 1000; i++) {
        rocks.db.put(rocks.data, rocks.writes, bytes("k" + i), bytes("v" + i));
      }
    }
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC)) {
      assertThat(tableFiles()).isZero();
      assertThat(rocks.db.get(rocks.data, bytes("k999"))).isEqualTo(bytes("v999"));
    }
  }

  @Test
  void aMetaValueWrittenOnceDoesNotKeepEveryLaterLogAlive() throws RocksDBException {
    byte[] value = new byte[1024];
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC, SMALL_WAL_LIMIT)) {
      rocks.db.put(rocks.meta, rocks.synced, bytes("identity"), bytes("n1"));
      for (int i = 0; i < 8 * 1024; i++) { // 8 MiB of data, far below one 64 MiB memtable
        rocks.db.put(rocks.data, rocks.writes, bytes("k" + i), value);
      }
      assertThat(walBytes(rocks)).isLessThan(4 * SMALL_WAL_LIMIT);
      assertThat(rocks.db.get(rocks.meta, bytes("identity"))).isEqualTo(bytes("n1"));
    }
  }

  @Test
  void syncedWritesSurviveTwoCrashesInARowWithoutAFlushBetween() throws RocksDBException {
    // Closing without RocksDbSession.endCleanly flushes nothing: the reopen replays the log, as
    // after kill -9 (UncleanShutdownIT kills a real process).
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC)) {
      for (int i = 0; i < 1000; i++) {
        rocks.db.put(rocks.data, rocks.writes, bytes("k" + i), bytes("v" + i));
      }
    }
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC)) {
      rocks.db.put(rocks.data, rocks.writes, bytes("after-first-crash"), bytes("x"));
    }
    try (RocksDbInstance rocks = RocksDbInstance.open(dir, Durability.FSYNC)) {
      for (int i = 0; i < 1000; i++) {
        assertThat(rocks.db.get(rocks.data, bytes("k" + i))).isEqualTo(bytes("v" + i));
      }
      assertThat(rocks.db.get(rocks.data, bytes("after-first-crash"))).isEqualTo(bytes("x"));
    }
  }
}
