package dev.ringstore.node.storage;

import static dev.ringstore.node.storage.StorageEngineContract.bytes;
import static dev.ringstore.node.storage.StorageEngineContract.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine's one writer: batches, failures confined to their own update, bounds, close. */
@Timeout(60)
class GroupCommitTest {
  private static final NodeId NODE = NodeId.of("n1");

  @TempDir Path dir;

  private RocksDbStorageEngine open() {
    return RocksDbStorageEngine.open(
        StorageConfig.defaults(dir.resolve("storage")), NODE, new SplittableRandom(7));
  }

  private static UnaryOperator<DottedVersionVectorSet> put(ActorId actor, String value) {
    return set -> set.update(CausalContext.EMPTY, bytes(value), 1L, actor);
  }

  @Test
  void aChangeThatThrowsFailsOnlyItsOwnUpdateInABatch() throws Exception {
    try (RocksDbStorageEngine engine = open()) {
      ActorId actor = engine.identity().actor();
      CountDownLatch hold = new CountDownLatch(1);
      // The first update holds the writer, so the next three queue up and land in one batch.
      var first = engine.updateAsync(0, bytes("a"), set -> await(hold, set), Runnable::run);
      var good = engine.updateAsync(0, bytes("b"), put(actor, "B"), Runnable::run);
      var bad =
          engine.updateAsync(
              0,
              bytes("c"),
              set -> {
                throw new IllegalArgumentException("refused");
              },
              Runnable::run);
      var sameKey = engine.updateAsync(0, bytes("b"), put(actor, "B2"), Runnable::run);
      hold.countDown();

      first.get();
      assertThat(live(good.get())).containsExactly("B");
      assertThat(live(sameKey.get())).containsExactlyInAnyOrder("B", "B2");
      assertThat(bad)
          .failsWithin(java.time.Duration.ofSeconds(5))
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(IllegalArgumentException.class);
      assertThat(live(engine.get(0, bytes("b")))).containsExactlyInAnyOrder("B", "B2");
      assertThat(engine.get(0, bytes("c"))).isEqualTo(DottedVersionVectorSet.empty());
    }
  }

  @Test
  void aFullQueueRefusesAtOnceAndLosesNothingAccepted() throws Exception {
    try (RocksDbStorageEngine engine = open()) {
      ActorId actor = engine.identity().actor();
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch hold = new CountDownLatch(1);
      var first =
          engine.updateAsync(
              1,
              bytes("hold"),
              set -> {
                entered.countDown();
                return await(hold, set);
              },
              Runnable::run);
      entered.await(); // the writer is busy with the first batch: the rest queue up
      List<CompletableFuture<DottedVersionVectorSet>> accepted = new ArrayList<>();
      CompletableFuture<DottedVersionVectorSet> refused = null;
      for (int i = 0; i <= RocksDbStorageEngine.WRITE_QUEUE && refused == null; i++) {
        var f = engine.updateAsync(1, bytes("k" + i), put(actor, "v" + i), Runnable::run);
        if (f.isCompletedExceptionally()) {
          refused = f;
        } else {
          accepted.add(f);
        }
      }
      hold.countDown();

      assertThat(accepted).hasSize(RocksDbStorageEngine.WRITE_QUEUE);
      assertThat(refused).isNotNull();
      assertThat(refused)
          .failsWithin(java.time.Duration.ZERO)
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(RejectedExecutionException.class);
      first.get();
      for (int i = 0; i < accepted.size(); i++) {
        assertThat(live(accepted.get(i).get())).containsExactly("v" + i);
      }
    }
  }

  @Test
  void anUpdateFromACompletionOnTheWriterDoesNotDeadlock() throws Exception {
    try (RocksDbStorageEngine engine = open()) {
      ActorId actor = engine.identity().actor();
      var chained =
          engine
              .updateAsync(2, bytes("x"), put(actor, "1"), Runnable::run)
              .thenApply(done -> engine.update(2, bytes("y"), put(actor, "2")));
      assertThat(live(chained.get())).containsExactly("2");
    }
  }

  @Test
  void closingWritesWhatIsQueuedFirst() {
    List<CompletableFuture<DottedVersionVectorSet>> queued = new ArrayList<>();
    try (RocksDbStorageEngine engine = open()) {
      ActorId actor = engine.identity().actor();
      for (int i = 0; i < 200; i++) {
        queued.add(engine.updateAsync(3, bytes("k" + i), put(actor, "v" + i), Runnable::run));
      }
    }
    assertThat(queued).allSatisfy(f -> assertThat(f).isCompleted());
    try (RocksDbStorageEngine engine = open()) {
      for (int i = 0; i < 200; i++) {
        boolean written = !queued.get(i).isCompletedExceptionally();
        assertThat(live(engine.get(3, bytes("k" + i))))
            .as("k%d (acknowledged: %s)", i, written)
            .isEqualTo(written ? List.of("v" + i) : List.of());
      }
      assertThat(queued.stream().filter(f -> !f.isCompletedExceptionally())).hasSize(200);
    }
  }

  private static DottedVersionVectorSet await(CountDownLatch latch, DottedVersionVectorSet set) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return set;
  }
}
