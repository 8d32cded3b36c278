package dev.ringstore.node.handoff;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.ReachabilityTracker;
import dev.ringstore.node.cluster.ScriptedTransport;
import dev.ringstore.node.coordinator.LocalReplica;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.WriteObserver;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HintReplayerTest {
  private static final NodeId SELF = NodeId.of("n1");
  private static final NodeId TARGET = NodeId.of("n3");
  private static final int BUCKET = 5;

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
  private final InstantSource clock = now::get;
  private final InMemoryStorageEngine storage = new InMemoryStorageEngine(SELF, new Random(1));
  private final ScriptedTransport network = new ScriptedTransport();
  private final ReachabilityTracker liveness = new ReachabilityTracker(SELF, clock);
  private final HintMetrics metrics = new HintMetrics(new SimpleMeterRegistry());

  @Test
  void deliversEveryHintToATargetThatIsBackAndDeletesIt() {
    List<Hint> hints = keepHints(3);

    HintReplayer replayer = replayer(HintSettings.DEFAULTS);
    assertThat(metrics.queueSize(TARGET)).as("counted once at start-up").isEqualTo(3);
    replayer.replayOnce();

    for (Hint hint : hints) {
      assertThat(network.store(TARGET).get(BUCKET, hint.key())).isEqualTo(hint.set());
    }
    assertThat(storage.hintTargets()).isEmpty();
    assertThat(metrics.replayedCount()).isEqualTo(3);
    assertThat(metrics.queueSize(TARGET)).isZero();
  }

  @Test
  void keepsTheHintsWhileTheTargetIsBelievedDown() {
    keepHints(3);
    liveness.reportFailure(TARGET);

    replayer(HintSettings.DEFAULTS).replayOnce();

    assertThat(network.sentTo()).isEmpty();
    assertThat(held()).isEqualTo(3);
    assertThat(metrics.queueSize(TARGET)).isEqualTo(3);
  }

  @Test
  void keepsTheHintsATargetDidNotAcknowledgeAndDeliversThemOnALaterPass() {
    keepHints(3);
    network.refuse(TARGET);
    HintReplayer replayer = replayer(HintSettings.DEFAULTS);

    replayer.replayOnce();
    assertThat(held()).isEqualTo(3);
    assertThat(metrics.replayedCount()).isZero();

    network.answer(TARGET);
    replayer.replayOnce();
    assertThat(held()).isZero();
    assertThat(metrics.replayedCount()).isEqualTo(3);
  }

  @Test
  void aPassThatStopsHalfWayDeletesOnlyTheHintsThatWereAcknowledged() {
    List<Hint> hints = keepHints(3);
    AtomicInteger requests = new AtomicInteger();
    network.script(
        TARGET,
        request ->
            requests.incrementAndGet() == 1
                ? CompletableFuture.completedFuture(network.answer(TARGET, request))
                : CompletableFuture.failedFuture(
                    new RingstoreException(ErrorCode.UNAVAILABLE, "connection reset")));

    replayer(HintSettings.DEFAULTS).replayOnce();

    assertThat(storage.hint(TARGET, BUCKET, hints.get(0).key()).isFound()).isFalse();
    assertThat(storage.hint(TARGET, BUCKET, hints.get(1).key())).isEqualTo(hints.get(1).set());
    assertThat(storage.hint(TARGET, BUCKET, hints.get(2).key())).isEqualTo(hints.get(2).set());
  }

  @Test
  void aHintItsTargetRefusesAsTooLargeIsDroppedAndTheQueueMovesOn() {
    List<Hint> hints = keepHints(3);
    AtomicInteger requests = new AtomicInteger();
    network.script(
        TARGET,
        request ->
            requests.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(
                    new RingstoreException(ErrorCode.TOO_LARGE, "the key would hold 2 siblings"))
                : CompletableFuture.completedFuture(network.answer(TARGET, request)));

    replayer(HintSettings.DEFAULTS).replayOnce();

    assertThat(held()).isZero();
    assertThat(metrics.droppedCount(DropReason.TOO_LARGE)).isEqualTo(1);
    assertThat(metrics.replayedCount()).isEqualTo(2);
    assertThat(network.store(TARGET).get(BUCKET, hints.get(2).key())).isEqualTo(hints.get(2).set());
  }

  @Test
  void aWriteThatJoinsAHintWhileItIsInFlightStillReachesTheTarget() {
    Hint first = keepHints(1).get(0);
    DottedVersionVectorSet later = write(first.set(), "later");
    AtomicInteger requests = new AtomicInteger();
    network.script(
        TARGET,
        request -> {
          if (requests.incrementAndGet() == 1) {
            storage.putHint(new Hint(TARGET, BUCKET, first.key(), later));
          }
          return CompletableFuture.completedFuture(network.answer(TARGET, request));
        });

    replayer(HintSettings.DEFAULTS).replayOnce();

    assertThat(network.store(TARGET).get(BUCKET, first.key())).isEqualTo(later);
    assertThat(held()).isZero();
  }

  @Test
  void dropsHintsOlderThanTheTtlInsteadOfReplayingThem() {
    Hint stale = keepHints(1).get(0);
    now.set(now.get().plus(Duration.ofDays(2)));
    Hint fresh = keep("fresh", "v");

    replayer(HintSettings.DEFAULTS.withTtl(Duration.ofDays(1))).replayOnce();

    assertThat(network.store(TARGET).get(BUCKET, stale.key()).isFound()).isFalse();
    assertThat(network.store(TARGET).get(BUCKET, fresh.key())).isEqualTo(fresh.set());
    assertThat(held()).isZero();
    assertThat(metrics.droppedCount(DropReason.TTL)).isEqualTo(1);
  }

  @Test
  void replaysNoFasterThanItsRateByTheNodesClock() {
    keepHints(25);
    HintReplayer replayer = replayer(HintSettings.DEFAULTS.withReplayPerSecond(10));

    replayer.replayOnce();
    assertThat(held()).as("one second's permits are banked at the start").isEqualTo(15);
    replayer.replayOnce();
    assertThat(held()).as("no time passed: no new permits").isEqualTo(15);

    now.set(now.get().plusMillis(500));
    replayer.replayOnce();
    assertThat(held()).isEqualTo(10);

    now.set(now.get().plusSeconds(5));
    replayer.replayOnce();
    assertThat(held()).as("at most one second's permits are banked").isZero();
    assertThat(metrics.replayedCount()).isEqualTo(25);
  }

  private HintReplayer replayer(HintSettings settings) {
    HeldHints hints = new HeldHints(storage, liveness, settings, clock, metrics);
    hints.recount();
    Replicas replicas =
        new Replicas(
            SELF, new LocalReplica(storage, Runnable::run, WriteObserver.NONE, hints), network);
    return new HintReplayer(hints, replicas, liveness, settings, clock, metrics);
  }

  private List<Hint> keepHints(int count) {
    List<Hint> hints = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hints.add(keep(String.format("k%02d", i), "v" + i));
    }
    return hints;
  }

  private Hint keep(String key, String value) {
    Hint hint =
        new Hint(TARGET, BUCKET, key.getBytes(UTF_8), write(DottedVersionVectorSet.empty(), value));
    storage.putHint(hint);
    return hint;
  }

  private DottedVersionVectorSet write(DottedVersionVectorSet current, String value) {
    return current.update(
        current.context(), value.getBytes(UTF_8), clock.millis(), new ActorId(NodeId.of("n2"), 1));
  }

  private long held() {
    AtomicInteger count = new AtomicInteger();
    storage.scanHints(TARGET, hint -> count.incrementAndGet() > 0);
    return count.get();
  }
}
