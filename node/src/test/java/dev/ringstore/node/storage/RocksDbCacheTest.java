package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoded-value cache never serves a value older than a completed write, at any capacity. */
@Timeout(120)
class RocksDbCacheTest {
  private static final NodeId NODE = NodeId.of("n1");
  private static final int BUCKET = 12;

  @TempDir Path dir;

  private RocksDbStorageEngine open(long cacheBytes) {
    StorageConfig config =
        StorageConfig.defaults(dir.resolve("storage"))
            .withDurability(Durability.ASYNC)
            .withCacheBytes(cacheBytes);
    return RocksDbStorageEngine.open(config, NODE, new SplittableRandom(5));
  }

  private static byte[] key(int i) {
    return new byte[] {(byte) i};
  }

  /** The number of updates a key has seen: each one writes the previous count + 1. */
  private static long count(DottedVersionVectorSet set) {
    return set.siblings().isEmpty()
        ? 0
        : ByteBuffer.wrap(set.siblings().get(0).value().orElseThrow()).getLong();
  }

  private static DottedVersionVectorSet increment(DottedVersionVectorSet set, ActorId actor) {
    byte[] next = ByteBuffer.allocate(Long.BYTES).putLong(count(set) + 1).array();
    return set.update(set.context(), next, 1L, actor);
  }

  /**
   * Writers increment a few hot keys and then publish the count they wrote; readers read the
   * published count first and the key after, so a read that returns less saw a value older than a
   * write that had completed. 300 bytes hold about two entries, so entries are evicted and reloaded
   * all the time, racing the writes; 0 disables the cache.
   */
  @ParameterizedTest
  @ValueSource(longs = {64L << 20, 300, 0})
  void readsNeverSeeAValueOlderThanACompletedWrite(long cacheBytes) throws Exception {
    int keys = 4;
    int writers = 4;
    int readers = 4;
    int writesPerWriter = 1_000;
    AtomicLong[] published = new AtomicLong[keys];
    for (int i = 0; i < keys; i++) {
      published[i] = new AtomicLong();
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    AtomicReference<String> stale = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
    try (RocksDbStorageEngine engine = open(cacheBytes)) {
      ActorId actor = engine.identity().actor();
      List<Future<?>> writerTasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        writerTasks.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < writesPerWriter; i++) {
                    int k = ThreadLocalRandom.current().nextInt(keys);
                    long wrote = count(engine.update(BUCKET, key(k), s -> increment(s, actor)));
                    published[k].accumulateAndGet(wrote, Math::max);
                    assertThat(count(engine.get(BUCKET, key(k)))).isGreaterThanOrEqualTo(wrote);
                  }
                  return null;
                }));
      }
      List<Future<?>> readerTasks = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        readerTasks.add(
            pool.submit(
                () -> {
                  while (writing.get()) {
                    int k = ThreadLocalRandom.current().nextInt(keys);
                    long completed = published[k].get();
                    long seen = count(engine.get(BUCKET, key(k)));
                    reads.incrementAndGet();
                    if (seen < completed) {
                      stale.compareAndSet(
                          null, "key " + k + ": read " + seen + " after " + completed);
                    }
                  }
                }));
      }
      for (Future<?> task : writerTasks) {
        task.get();
      }
      writing.set(false);
      for (Future<?> task : readerTasks) {
        task.get();
      }

      assertThat(stale.get()).isNull();
      assertThat(reads.get()).isPositive();
      long total = 0;
      for (int k = 0; k < keys; k++) {
        total += count(engine.get(BUCKET, key(k)));
      }
      assertThat(total).isEqualTo((long) writers * writesPerWriter);
      if (cacheBytes == 300) {
        assertThat(engine.stats().cacheEvictions()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hotReadsAreServedFromTheCacheWithinItsCapacity() {
    try (RocksDbStorageEngine engine = open(1 << 20)) {
      ActorId actor = engine.identity().actor();
      engine.update(BUCKET, key(1), set -> increment(set, actor));
      long hitsBefore = engine.stats().cacheHits();

      for (int i = 0; i < 3; i++) {
        assertThat(count(engine.get(BUCKET, key(1)))).isEqualTo(1);
      }

      StorageStats stats = engine.stats();
      assertThat(stats.cacheHits() - hitsBefore).isEqualTo(3);
      assertThat(stats.cacheBytes()).isPositive().isLessThanOrEqualTo(1 << 20);
    }
  }

  @Test
  void aTinyCacheStaysWithinItsCapacityAndStillReadsCorrectly() {
    try (RocksDbStorageEngine engine = open(200)) {
      ActorId actor = engine.identity().actor();
      for (int i = 0; i < 50; i++) {
        for (int n = 0; n <= i % 3; n++) {
          engine.update(BUCKET, key(i), set -> increment(set, actor));
        }
      }

      for (int i = 0; i < 50; i++) {
        assertThat(count(engine.get(BUCKET, key(i)))).isEqualTo(i % 3 + 1);
      }
      StorageStats stats = engine.stats();
      assertThat(stats.cacheEvictions()).isPositive();
      assertThat(stats.cacheBytes()).isLessThanOrEqualTo(200);
    }
  }
}
