package dev.ringstore.node.coordinator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.cluster.ReachabilityTracker;
import dev.ringstore.node.cluster.ScriptedTransport;
import dev.ringstore.node.cluster.StaticClusterView;
import dev.ringstore.node.handoff.HintedHandoff;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.ring.RingSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriteCoordinatorTest {
  private static final NodeId SELF = NodeId.of("n1");
  private static final byte[] KEY = "user:42".getBytes(UTF_8);
  private static final Duration NEVER = Duration.ofMinutes(5);

  private final StaticClusterView cluster =
      new StaticClusterView(SELF, peers(6), new RingSettings(64, 3, 8));
  private final ReachabilityTracker liveness =
      new ReachabilityTracker(SELF, InstantSource.fixed(Instant.EPOCH));
  private final ReplicaPlanner planner = new ReplicaPlanner(cluster, liveness);
  private final int bucket = firstBucketLedBy(SELF);
  private final NodeId second = cluster.table().preferenceList(bucket).nodes().get(1);
  private final NodeId third = cluster.table().preferenceList(bucket).nodes().get(2);
  private final ScriptedTransport network = new ScriptedTransport();
  private final InMemoryStorageEngine storage = new InMemoryStorageEngine(SELF, new Random(1));
  private final LinkedBlockingQueue<Runnable> hintWrites = new LinkedBlockingQueue<>();
  private final DeadlineTimer timer = new DeadlineTimer(WriteCoordinatorTest::daemon);
  private final WriteCoordinator coordinator =
      new WriteCoordinator(
          planner,
          new Replicas(SELF, new LocalReplica(storage, Runnable::run, WriteObserver.NONE), network),
          new HintedHandoff(new LocalReplica(storage, hintWrites::add, WriteObserver.NONE)),
          timer);

  @AfterEach
  void stopTimer() {
    timer.close();
  }

  @Test
  void answersOnceWAcknowledgementsArrivedAndALateOneStillLands() {
    network.hold(second);
    network.hold(third);
    CompletableFuture<DottedVersionVectorSet> write = put("v1", new Quorum(3, 2, 0, true, NEVER));
    assertThat(write).as("only the coordinator's own write so far").isNotDone();

    network.release(second);
    DottedVersionVectorSet stored = write.join();
    assertThat(stored.values()).extracting(v -> new String(v, UTF_8)).containsExactly("v1");
    assertThat(network.store(second).get(bucket, KEY)).isEqualTo(stored);
    assertThat(network.store(third).get(bucket, KEY)).isEqualTo(DottedVersionVectorSet.empty());

    network.release(third);
    assertThat(network.store(third).get(bucket, KEY)).isEqualTo(stored);
    assertThat(hintWrites).as("every primary was reached: no hint").isEmpty();
  }

  @Test
  void aReplicaThatRefusesIsReplacedByASpareFallbackThatKeepsAHintForIt() {
    Quorum w3 = new Quorum(3, 3, 0, true, NEVER);
    List<NodeId> spares = planner.plan(bucket, w3).spares();
    network.refuse(second);

    DottedVersionVectorSet stored = put("v1", w3).join();

    assertThat(network.store(spares.get(0)).hint(second, bucket, KEY)).isEqualTo(stored);
    assertThat(network.sentTo()).containsExactlyInAnyOrder(second, third, spares.get(0));
    runHintWrites();
    assertThat(storage.hint(second, bucket, KEY))
        .as("the fallback holds the hint, the coordinator keeps none")
        .isEqualTo(DottedVersionVectorSet.empty());
  }

  @Test
  void aPrimaryTheWriteDidNotReachGetsAHintOnTheCoordinator() {
    network.refuse(second);

    DottedVersionVectorSet stored = put("v1", new Quorum(3, 2, 0, false, NEVER)).join();

    runHintWrites();
    assertThat(storage.hint(second, bucket, KEY)).isEqualTo(stored);
    assertThat(storage.hint(third, bucket, KEY)).isEqualTo(DottedVersionVectorSet.empty());
    assertThat(network.store(third).get(bucket, KEY)).isEqualTo(stored);
  }

  @Test
  void tooFewAcknowledgementsAreUnavailableSayingHowManyArrivedAndTheMissingIsHinted() {
    network.refuse(second);

    RingstoreException failure = Outcomes.failure(put("v1", new Quorum(3, 3, 0, false, NEVER)));

    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(failure).hasMessageContaining("2 of the 3 acknowledgements needed arrived");
    DottedVersionVectorSet stored = storage.get(bucket, KEY);
    assertThat(stored.isFound()).as("a failed write is not rolled back").isTrue();
    assertThat(network.store(third).get(bucket, KEY)).isEqualTo(stored);
    runHintWrites();
    assertThat(storage.hint(second, bucket, KEY)).isEqualTo(stored);
  }

  @Test
  void aDeadlineThatPassesAnswersTimeoutSayingHowManyArrivedThenHintsTheSilentPrimary()
      throws InterruptedException {
    network.hold(third);

    RingstoreException failure =
        Outcomes.failure(put("v1", new Quorum(3, 3, 0, true, Duration.ofMillis(50))));

    assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(failure).hasMessageContaining("2 of the 3 acknowledgements needed arrived");
    Runnable hintWrite = hintWrites.poll(10, TimeUnit.SECONDS);
    assertThat(hintWrite).as("a hint is stored once the deadline passed").isNotNull();
    hintWrite.run();
    assertThat(storage.hint(third, bucket, KEY)).isEqualTo(storage.get(bucket, KEY));
    assertThat(storage.hint(second, bucket, KEY)).isEqualTo(DottedVersionVectorSet.empty());
  }

  @Test
  void pwCountsOnlyPrimariesNotTheFallbackStandingInForADownOne() {
    liveness.reportFailure(third);
    NodeId fallback =
        planner.plan(bucket, new Quorum(3, 2, 2, true, NEVER)).targets().get(2).node();
    network.hold(second);

    CompletableFuture<DottedVersionVectorSet> write = put("v1", new Quorum(3, 2, 2, true, NEVER));
    assertThat(network.store(fallback).hint(third, bucket, KEY).isFound())
        .as("the fallback acknowledged, a hint for the down primary")
        .isTrue();
    assertThat(write).as("w=2 is met, pw=2 is not").isNotDone();

    network.release(second);
    assertThat(write).isCompleted();
  }

  @Test
  void tooFewReachablePrimariesForPwIsUnavailableBeforeAnythingIsWritten() {
    liveness.reportFailure(third);

    assertThatThrownBy(() -> put("v1", new Quorum(3, 3, 3, true, NEVER)))
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessageContaining("pw=3")
        .hasMessageContaining("only 2 of");
    assertThat(storage.get(bucket, KEY).isFound()).isFalse();
    assertThat(network.sentTo()).isEmpty();
  }

  private CompletableFuture<DottedVersionVectorSet> put(String value, Quorum quorum) {
    return coordinator.write(
        bucket,
        KEY,
        current ->
            current.update(
                CausalContext.EMPTY, value.getBytes(UTF_8), 1_000, storage.identity().actor()),
        quorum);
  }

  private void runHintWrites() {
    for (Runnable write = hintWrites.poll(); write != null; write = hintWrites.poll()) {
      write.run();
    }
  }

  private int firstBucketLedBy(NodeId node) {
    return IntStream.range(0, 64)
        .filter(b -> cluster.table().preferenceList(b).nodes().get(0).equals(node))
        .findFirst()
        .orElseThrow();
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "test-deadlines");
    thread.setDaemon(true);
    return thread;
  }

  private static Map<NodeId, InetSocketAddress> peers(int count) {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      peers.put(NodeId.of("n" + i), InetSocketAddress.createUnresolved("localhost", 7200 + i));
    }
    return peers;
  }
}
