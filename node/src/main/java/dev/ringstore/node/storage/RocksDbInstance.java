package dev.ringstore.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB with Ringstore's column families and every native object it needs, closed
 * together in reverse order of creation (handles, database, then the options they were made with).
 *
 * <ul>
 *   <li>{@code data}: bucket-prefixed key ({@link DataKey}) → encoded set; bloom filter for gets;
 *   <li>{@code hints}: target node + bucket + key ({@link HintKey}) → encoded set;
 *   <li>{@code meta}: UTF-8 name → bytes (identity, shutdown marker, the server's small values);
 *   <li>{@code default}: required by RocksDB, unused.
 * </ul>
 */
final class RocksDbInstance implements AutoCloseable {
  static final String DATA = "data";
  static final String HINTS = "hints";
  static final String META = "meta";

  /**
   * The most write-ahead log kept before RocksDB flushes the column families that pin its oldest
   * file. Without it the small {@code meta} and {@code hints} families, which may not fill a
   * memtable for days, keep every log file alive (RocksDB's default limit is 4 × the memtable
   * budget of all families, 2 GiB here), and a restart after a crash replays all of it before it
   * can serve. Twice the data family's 64 MiB memtable: a crash replays at most about that much.
   */
  static final long MAX_TOTAL_WAL_BYTES = 128L << 20;

  static {
    RocksDB.loadLibrary(); // once per class loader; RocksDB makes repeated calls no-ops anyway
  }

  final RocksDB db;
  final ColumnFamilyHandle data;
  final ColumnFamilyHandle hints;
  final ColumnFamilyHandle meta;

  /** The engine's durability: synced or not, for data and hints. */
  final WriteOptions writes;

  /** Always synced: meta values, the identity, bucket drops. */
  final WriteOptions synced;

  /** Tickers for {@link StorageStats} (WAL syncs). */
  final Statistics statistics;

  private final Deque<AutoCloseable> resources;

  private RocksDbInstance(
      RocksDB db,
      List<ColumnFamilyHandle> handles,
      WriteOptions writes,
      WriteOptions synced,
      Statistics statistics,
      Deque<AutoCloseable> resources) {
    this.db = db;
    this.data = handles.get(1);
    this.hints = handles.get(2);
    this.meta = handles.get(3);
    this.writes = writes;
    this.synced = synced;
    this.statistics = statistics;
    this.resources = resources;
  }

  static RocksDbInstance open(Path dir, Durability durability) {
    return open(dir, durability, MAX_TOTAL_WAL_BYTES);
  }

  /** As {@link #open(Path, Durability)} with another WAL limit (tests). */
  static RocksDbInstance open(Path dir, Durability durability, long maxTotalWalBytes) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Files.createDirectories(dir);
      Statistics statistics = keep(opened, new Statistics());
      BloomFilter bloom = keep(opened, new BloomFilter(10));
      ColumnFamilyOptions dataOptions =
          keep(opened, new ColumnFamilyOptions())
              .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom));
      ColumnFamilyOptions plainOptions = keep(opened, new ColumnFamilyOptions());
      DBOptions dbOptions =
          keep(opened, new DBOptions())
              .setCreateIfMissing(true)
              .setCreateMissingColumnFamilies(true)
              .setKeepLogFileNum(10)
              .setMaxTotalWalSize(maxTotalWalBytes)
              // Recovery keeps the replayed memtables (and their log files) instead of writing
              // them to L0 files before open returns: the node serves sooner, the logs stay the
              // durable copy until the next regular flush.
              .setAvoidFlushDuringRecovery(true)
              .setStatistics(statistics);
      WriteOptions writes =
          keep(opened, new WriteOptions()).setSync(durability == Durability.FSYNC);
      WriteOptions synced = keep(opened, new WriteOptions()).setSync(true);
      List<ColumnFamilyDescriptor> families =
          List.of(
              new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, plainOptions),
              new ColumnFamilyDescriptor(bytes(DATA), dataOptions),
              new ColumnFamilyDescriptor(bytes(HINTS), plainOptions),
              new ColumnFamilyDescriptor(bytes(META), plainOptions));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = keep(opened, RocksDB.open(dbOptions, dir.toString(), families, handles));
      handles.forEach(handle -> opened.push(handle));
      return new RocksDbInstance(db, handles, writes, synced, statistics, opened);
    } catch (RocksDBException | IOException e) {
      closeAll(opened);
      throw new StorageException("cannot open storage in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  private static <T extends AutoCloseable> T keep(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /** Closes everything, newest first. Idempotent. */
  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    StorageException failure = null;
    while (!opened.isEmpty()) {
      AutoCloseable resource = opened.pop();
      try {
        if (resource instanceof RocksDB db) {
          db.closeE(); // reports errors that close() would swallow
        } else {
          resource.close();
        }
      } catch (Exception e) {
        if (failure == null) {
          failure = new StorageException("closing storage failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
