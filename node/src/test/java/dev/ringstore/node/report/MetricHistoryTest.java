package dev.ringstore.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The metric history under a manual clock: rates and percentiles per step, and its bound. */
@Timeout(30)
class MetricHistoryTest {
  private final AtomicLong now = new AtomicLong(1_764_770_000_000L);
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final RequestLatencies latencies = new RequestLatencies();
  private final MetricHistory history = new MetricHistory(registry, latencies, clock);

  private void step() {
    now.addAndGet(2_000);
    history.sample();
  }

  @Test
  void ratesArePerSecondOverTheStepAndPercentilesOnlyOverItsRequests() {
    for (int millis = 1; millis <= 100; millis++) {
      latencies.record("get", TimeUnit.MILLISECONDS.toNanos(millis));
    }
    latencies.record("put", TimeUnit.MILLISECONDS.toNanos(4));
    latencies.record("gossip", TimeUnit.SECONDS.toNanos(9)); // not a client operation
    registry.counter("ringstore.errors", "code", "TIMEOUT").increment(3);
    registry.counter("ringstore.errors", "code", "OVERLOADED"); // exists, never counted
    registry.counter("ringstore.hints.stored").increment(8);
    registry.counter("ringstore.hints.replayed").increment(2);
    registry.counter("ringstore.read.repairs", "outcome", "repaired").increment(5);
    registry.counter("ringstore.read.repairs", "outcome", "failed").increment(100);
    registry.counter("ringstore.antientropy.keys.repaired").increment(1);
    step();

    MetricSample first = history.samples().get(0);
    assertThat(first.atMillis()).isEqualTo(now.get());
    assertThat(first.opsPerSecond())
        .containsExactly(
            java.util.Map.entry("get", 50.0),
            java.util.Map.entry("put", 0.5),
            java.util.Map.entry("delete", 0.0));
    assertThat(first.p50Millis().get("get")).isCloseTo(50.0, within(0.5));
    assertThat(first.p99Millis().get("get")).isCloseTo(99.0, within(0.5));
    assertThat(first.p99Millis().get("put")).isCloseTo(4.0, within(0.05));
    assertThat(first.p50Millis()).containsEntry("delete", null);
    assertThat(first.p99Millis()).containsEntry("delete", null);
    assertThat(first.errorsPerSecond()).containsExactly(java.util.Map.entry("TIMEOUT", 1.5));
    assertThat(first.hintsStoredPerSecond()).isEqualTo(4.0);
    assertThat(first.hintsReplayedPerSecond()).isEqualTo(1.0);
    assertThat(first.repairsPerSecond()).isEqualTo(3.0);

    latencies.record("get", TimeUnit.MILLISECONDS.toNanos(7));
    step();
    MetricSample second = history.samples().get(1);
    assertThat(second.opsPerSecond().get("get")).isEqualTo(0.5);
    assertThat(second.p50Millis().get("get"))
        .as("the step's own request, not the previous step's")
        .isCloseTo(7.0, within(0.05));
    assertThat(second.p50Millis().get("put")).isNull();
    assertThat(second.errorsPerSecond()).as("no new error").isEmpty();
    assertThat(second.hintsStoredPerSecond()).isZero();
    assertThat(second.repairsPerSecond()).isZero();
  }

  @Test
  void aLateStepSpreadsItsCountsOverTheTimeThatPassedAndNoTimeTakesNoSample() {
    history.sample(); // no time passed since the history began
    assertThat(history.samples()).isEmpty();
    registry.counter("ringstore.hints.stored").increment(10);
    now.addAndGet(5_000);
    history.sample();
    assertThat(history.samples())
        .singleElement()
        .extracting(MetricSample::hintsStoredPerSecond)
        .isEqualTo(2.0);
  }

  @Test
  void keepsTenMinutesAtMost() {
    long started = now.get();
    for (int i = 0; i < 400; i++) {
      latencies.record("put", 1_000_000);
      step();
    }
    assertThat(history.samples()).hasSize(300);
    assertThat(history.samples().get(0).atMillis())
        .isEqualTo(started + 101 * 2_000L)
        .isGreaterThan(now.get() - 600_000);
    assertThat(history.samples().get(299).atMillis()).isEqualTo(now.get());

    now.addAndGet(590_000); // a long pause: only the samples of the last ten minutes remain
    step();
    assertThat(history.samples())
        .extracting(MetricSample::atMillis)
        .allSatisfy(at -> assertThat(at).isGreaterThan(now.get() - 600_000))
        .hasSize(5);
  }
}
