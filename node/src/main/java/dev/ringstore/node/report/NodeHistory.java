package dev.ringstore.node.report;

import dev.ringstore.gossip.Membership;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;

/**
 * What the node report remembers between requests: the metric samples of the last ten minutes and
 * every member's phi over the last minute, both taken at each {@link MetricHistory#INTERVAL} by one
 * {@link #sample} call on the node's timer thread (never a Netty event loop; sampling reads a
 * Micrometer registry and takes locks).
 */
public final class NodeHistory {
  private final MetricHistory metrics;
  private final PhiHistory phi;

  public NodeHistory(MetricHistory metrics, PhiHistory phi) {
    this.metrics = metrics;
    this.phi = phi;
  }

  /** A history of {@code registry}'s counters, {@code latencies} and the members' phi. */
  public static NodeHistory of(
      MeterRegistry registry,
      RequestLatencies latencies,
      Membership membership,
      InstantSource clock) {
    return new NodeHistory(
        new MetricHistory(registry, latencies, clock), new PhiHistory(membership, clock));
  }

  /** Takes one step's samples. */
  public void sample() {
    metrics.sample();
    phi.sample();
  }

  public MetricHistory metrics() {
    return metrics;
  }

  public PhiHistory phi() {
    return phi;
  }
}
