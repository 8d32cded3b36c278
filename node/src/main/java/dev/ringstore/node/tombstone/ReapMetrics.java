package dev.ringstore.node.tombstone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ringstore_tombstones_reaped_total} and {@code
 * ringstore_tombstones_reap_skipped_total{reason}}: a replica down or unreachable, the replicas'
 * copies not (yet) identical, or a write since the check.
 */
public final class ReapMetrics {
  private final MeterRegistry registry;
  private final Counter reaped;

  public ReapMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.reaped =
        Counter.builder("ringstore.tombstones.reaped")
            .description("keys whose tombstone was removed from every primary")
            .register(registry);
  }

  void reaped() {
    reaped.increment();
  }

  void skipped(String reason) {
    Counter.builder("ringstore.tombstones.reap.skipped")
        .description("tombstones old enough to reap that a pass kept")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
