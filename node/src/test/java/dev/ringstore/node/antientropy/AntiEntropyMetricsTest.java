package dev.ringstore.node.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When each peer was last exchanged with, as the node report shows it. */
@Timeout(30)
class AntiEntropyMetricsTest {
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");

  private final AtomicLong now = new AtomicLong(1_000);
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
  private final AntiEntropyMetrics metrics =
      new AntiEntropyMetrics(new SimpleMeterRegistry(), clock, 16);

  @Test
  void aPeerNeverReachedIsAbsentAndASweepItAnsweredCountsAsAnExchange() {
    assertThat(metrics.lastExchanges()).isEmpty();
    metrics.exchanged(3, N2);
    now.set(5_000);
    metrics.compared(N3);
    assertThat(metrics.lastExchanges()).isEqualTo(Map.of(N2, 1_000L, N3, 5_000L));
    assertThat(metrics.completedCount()).as("a root sweep is not a Merkle exchange").isEqualTo(1);

    now.set(9_000);
    metrics.compared(N2);
    assertThat(metrics.lastExchanges()).containsEntry(N2, 9_000L);
  }
}
