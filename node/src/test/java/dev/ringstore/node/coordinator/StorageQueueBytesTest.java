package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.storage.RocksDbStorageEngine;
import dev.ringstore.node.storage.StorageConfig;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes queued behind a stalled RocksDB writer are bounded by their bytes, not only their count:
 * past the budget the node answers OVERLOADED, and once the writer catches up it takes writes
 * again.
 */
@Timeout(60)
class StorageQueueBytesTest {
  private static final int VALUE_BYTES = 600 << 10;
  private static final byte[] VALUE = new byte[VALUE_BYTES];

  @TempDir Path dir;
  private final ExecutorService storageThreads = Executors.newFixedThreadPool(2);
  private final StorageByteBudget budget = new StorageByteBudget(1 << 20);
  private final CountDownLatch writerStalled = new CountDownLatch(1);
  private final CountDownLatch resume = new CountDownLatch(1);
  private RocksDbStorageEngine storage;
  private LocalReplica replica;

  @BeforeEach
  void open() {
    storage =
        RocksDbStorageEngine.open(
            StorageConfig.defaults(dir.resolve("storage")),
            NodeId.of("n1"),
            new SplittableRandom(1));
    replica =
        new LocalReplica(storage, storageThreads, WriteObserver.NONE, storage::putHint, budget);
  }

  @AfterEach
  void close() throws Exception {
    resume.countDown();
    storage.close();
    storageThreads.shutdownNow();
    storageThreads.awaitTermination(10, TimeUnit.SECONDS);
  }

  private static byte[] key(int i) {
    return ("k" + i).getBytes(StandardCharsets.UTF_8);
  }

  private UnaryOperator<DottedVersionVectorSet> put() {
    return current -> current.update(CausalContext.EMPTY, VALUE, 1L, storage.identity().actor());
  }

  /** A write whose change holds the engine's one writer thread until {@link #resume}. */
  private CompletableFuture<DottedVersionVectorSet> stallTheWriter() throws InterruptedException {
    CompletableFuture<DottedVersionVectorSet> stalled =
        replica.coordinate(
            1,
            key(0),
            current -> {
              writerStalled.countDown();
              try {
                resume.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return current;
            });
    assertThat(writerStalled.await(10, TimeUnit.SECONDS)).isTrue();
    return stalled;
  }

  @Test
  void writesQueuedPastTheByteBudgetAreOverloadedAndTheNodeRecoversOnceTheyAreWritten()
      throws Exception {
    CompletableFuture<DottedVersionVectorSet> stalled = stallTheWriter();
    CompletableFuture<DottedVersionVectorSet> first =
        replica.coordinate(1, key(1), VALUE_BYTES, put());

    CompletableFuture<DottedVersionVectorSet> second =
        replica.coordinate(1, key(2), VALUE_BYTES, put());
    assertThatThrownBy(second::join)
        .rootCause()
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED));
    assertThat(first).isNotDone();

    resume.countDown();
    stalled.join();
    first.join();
    assertThat(budget.held()).as("bytes are given back once written").isZero();
    replica.coordinate(1, key(2), VALUE_BYTES, put()).join();
    assertThat(storage.get(1, key(2)).values()).singleElement().isEqualTo(VALUE);
  }

  @Test
  void aReplicaPutIsChargedItsKeyAndValueBytes() throws Exception {
    CompletableFuture<DottedVersionVectorSet> stalled = stallTheWriter();
    DottedVersionVectorSet set = put().apply(DottedVersionVectorSet.empty());

    CompletableFuture<Void> first = replica.merge(1, key(1), set, null);
    assertThat(budget.held()).isEqualTo(key(0).length + key(1).length + VALUE_BYTES);
    assertThatThrownBy(() -> replica.merge(1, key(2), set, null).join())
        .rootCause()
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED));

    resume.countDown();
    stalled.join();
    first.join();
    replica.merge(1, key(2), set, null).join();
    assertThat(budget.held()).isZero();
  }
}
