package dev.ringstore.node.storage;

import static dev.ringstore.node.storage.StorageEngineContract.bytes;
import static dev.ringstore.node.storage.StorageEngineContract.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each {@link Durability} mode does with the write-ahead log, counted by RocksDB. */
@Timeout(120)
class RocksDbDurabilityTest {
  private static final NodeId NODE = NodeId.of("n1");

  @TempDir Path dir;

  private StorageConfig config(Durability durability) {
    return StorageConfig.defaults(dir.resolve("storage")).withDurability(durability);
  }

  private static void write(StorageEngine engine, int bucket, String key, String value) {
    ActorId actor = engine.identity().actor();
    engine.update(
        bucket, bytes(key), set -> set.update(CausalContext.EMPTY, bytes(value), 1L, actor));
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void bothModesKeepEveryWriteAcrossCloseAndReopen(Durability durability) {
    try (StorageEngine engine = RocksDbStorageEngine.open(config(durability), NODE, rnd())) {
      for (int i = 0; i < 100; i++) {
        write(engine, i % 4, "k" + i, "v" + i);
      }
    }

    try (StorageEngine engine = RocksDbStorageEngine.open(config(durability), NODE, rnd())) {
      for (int i = 0; i < 100; i++) {
        assertThat(live(engine.get(i % 4, bytes("k" + i)))).containsExactly("v" + i);
      }
    }
  }

  @Test
  void fsyncSyncsTheLogForEveryWriteBeforeItReturns() {
    try (StorageEngine engine = RocksDbStorageEngine.open(config(Durability.FSYNC), NODE, rnd())) {
      long before = engine.stats().walSyncs();

      for (int i = 0; i < 20; i++) {
        write(engine, 1, "k" + i, "v");
      }

      assertThat(engine.stats().walSyncs() - before).isEqualTo(20);
    }
  }

  /**
   * Group commit: RocksDB's write thread lets one leader write and sync the log for every writer
   * queued behind it. In the measurement in docs/storage.md, 8 threads × 200 synced writes needed
   * 370 syncs for 1,600 writes; here we assert only that some syncs were shared.
   */
  @Test
  void concurrentFsyncWritersShareLogSyncs() throws Exception {
    int threads = 8;
    int perThread = 100;
    try (StorageEngine engine = RocksDbStorageEngine.open(config(Durability.FSYNC), NODE, rnd())) {
      long before = engine.stats().walSyncs();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                      write(engine, i % 16, thread + "/" + i, "v");
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        pool.shutdownNow();
      }

      long syncs = engine.stats().walSyncs() - before;
      assertThat(syncs).isPositive().isLessThan(threads * perThread);
    }
  }

  @Test
  void asyncWritesAreSyncedByTheBackgroundTaskAtTheConfiguredInterval() {
    ManualScheduler scheduler = new ManualScheduler();
    StorageConfig config = config(Durability.ASYNC).withWalSyncInterval(Duration.ofMillis(250));
    try (StorageEngine engine = RocksDbStorageEngine.open(config, NODE, rnd(), scheduler)) {
      assertThat(scheduler.delay()).isEqualTo(Duration.ofMillis(250));
      long before = engine.stats().walSyncs();

      for (int i = 0; i < 20; i++) {
        write(engine, 1, "k" + i, "v");
      }
      assertThat(engine.stats().walSyncs()).isEqualTo(before);

      scheduler.tick();
      assertThat(engine.stats().walSyncs()).isEqualTo(before + 1);

      scheduler.tick(); // nothing written since: no sync
      assertThat(engine.stats().walSyncs()).isEqualTo(before + 1);
    } finally {
      assertThat(scheduler.cancelled()).isTrue();
      assertThat(scheduler.isShutdown()).isFalse(); // borrowed, not ours to stop
      scheduler.shutdownNow();
    }
  }

  @Test
  void anEngineThatOwnsItsSyncThreadStopsItOnClose() {
    StorageEngine engine =
        RocksDbStorageEngine.open(
            config(Durability.ASYNC).withWalSyncInterval(Duration.ofMillis(5)), NODE, rnd());
    write(engine, 1, "k", "v");
    assertThat(syncThreads()).isNotEmpty();

    engine.close();

    assertThat(syncThreads()).isEmpty();
  }

  private static List<Thread> syncThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("ringstore-wal-sync") && thread.isAlive())
        .toList();
  }

  private static SplittableRandom rnd() {
    return new SplittableRandom(3);
  }
}
