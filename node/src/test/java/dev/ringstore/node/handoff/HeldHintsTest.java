package dev.ringstore.node.handoff;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.ReachabilityTracker;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeldHintsTest {
  private static final NodeId SELF = NodeId.of("n1");
  private static final NodeId TARGET = NodeId.of("n3");
  private static final NodeId OTHER = NodeId.of("n4");

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
  private final InstantSource clock = now::get;
  private final InMemoryStorageEngine storage = new InMemoryStorageEngine(SELF, new Random(1));
  private final ReachabilityTracker liveness = new ReachabilityTracker(SELF, clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HintMetrics metrics = new HintMetrics(registry);

  @Test
  void countsHintsAndBytesAsTheyAreStoredMergedAndDeliveredAndRecountsThemAtStartUp() {
    HeldHints hints = held(HintSettings.DEFAULTS);
    Hint a = hint(TARGET, "a", "v1", DottedVersionVectorSet.empty());
    Hint b = hint(TARGET, "b", "v2", DottedVersionVectorSet.empty());
    hints.keep(a);
    hints.keep(b);
    assertThat(metrics.queues().hints(TARGET)).isEqualTo(2);
    assertThat(metrics.queues().bytes(TARGET)).isEqualTo(a.storedBytes() + b.storedBytes());

    Hint sibling =
        hint(TARGET, "a", "a much longer concurrent value", DottedVersionVectorSet.empty());
    hints.keep(sibling);
    Hint merged = new Hint(TARGET, 1, a.key(), storage.hint(TARGET, 1, a.key()));
    assertThat(metrics.queues().hints(TARGET)).as("a merge adds no hint").isEqualTo(2);
    assertThat(metrics.queues().bytes(TARGET)).isEqualTo(merged.storedBytes() + b.storedBytes());
    assertThat(gauge("ringstore.hints.queue.bytes")).isEqualTo(metrics.queues().bytes(TARGET));

    HintMetrics restarted = new HintMetrics(new SimpleMeterRegistry());
    new HeldHints(storage, liveness, HintSettings.DEFAULTS, clock, restarted).recount();
    assertThat(restarted.queues().hints(TARGET)).isEqualTo(2);
    assertThat(restarted.queues().bytes(TARGET)).isEqualTo(metrics.queues().bytes(TARGET));

    assertThat(hints.delivered(merged)).isTrue();
    assertThat(hints.delivered(b)).isTrue();
    assertThat(metrics.queues().hints(TARGET)).isZero();
    assertThat(metrics.queues().bytes(TARGET)).isZero();
  }

  @Test
  void refusesNewHintsForATargetWhoseQueueReachedTheByteCapAndCountsThem() {
    Hint first = hint(TARGET, "k1", "v", DottedVersionVectorSet.empty());
    HeldHints hints = held(HintSettings.DEFAULTS.withMaxBytesPerTarget(2 * first.storedBytes()));
    hints.keep(first);
    hints.keep(hint(TARGET, "k2", "v", DottedVersionVectorSet.empty()));

    assertRefused(() -> hints.keep(hint(TARGET, "k3", "v", DottedVersionVectorSet.empty())));
    hints.keep(hint(OTHER, "k3", "v", DottedVersionVectorSet.empty()));

    assertThat(storage.hint(TARGET, 1, "k3".getBytes(UTF_8)).isFound()).isFalse();
    assertThat(metrics.queues().hints(TARGET)).isEqualTo(2);
    assertThat(metrics.queues().hints(OTHER)).as("the cap is per target").isEqualTo(1);
    assertThat(metrics.droppedCount(DropReason.BYTES)).isEqualTo(1);
    assertThat(registry.get("ringstore.hints.dropped").tag("reason", "bytes").counter().count())
        .isEqualTo(1);
  }

  @Test
  void refusesNewHintsForATargetDownLongerThanTheWindowAsThisNodeSeesIt() {
    HeldHints hints = held(HintSettings.DEFAULTS.withWindow(Duration.ofHours(1)));
    liveness.reportFailure(TARGET);
    now.set(now.get().plus(Duration.ofMinutes(59)));
    hints.keep(hint(TARGET, "k1", "v", DottedVersionVectorSet.empty()));

    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertRefused(() -> hints.keep(hint(TARGET, "k2", "v", DottedVersionVectorSet.empty())));
    hints.keep(hint(OTHER, "k2", "v", DottedVersionVectorSet.empty()));

    assertThat(metrics.queues().hints(TARGET)).isEqualTo(1);
    assertThat(metrics.droppedCount(DropReason.WINDOW)).isEqualTo(1);
  }

  private void assertRefused(Runnable keep) {
    assertThatThrownBy(keep::run)
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED))
        .hasMessageContaining("no hint kept");
  }

  private HeldHints held(HintSettings settings) {
    return new HeldHints(storage, liveness, settings, clock, metrics);
  }

  private double gauge(String name) {
    return registry.get(name).tag("target", TARGET.value()).gauge().value();
  }

  private Hint hint(NodeId target, String key, String value, DottedVersionVectorSet current) {
    DottedVersionVectorSet set =
        current.update(
            current.context(), value.getBytes(UTF_8), clock.millis(), new ActorId(SELF, 1));
    return new Hint(target, 1, key.getBytes(UTF_8), set);
  }
}
