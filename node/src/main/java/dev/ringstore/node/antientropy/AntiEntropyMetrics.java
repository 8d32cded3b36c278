package dev.ringstore.node.antientropy;

import dev.ringstore.common.NodeId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Anti-entropy's meters: root sweeps, exchanges by outcome, keys repaired, bytes sent, tree
 * rebuilds, and the age of the oldest "last complete exchange or equal roots" over all buckets (how
 * far behind repair can be) — one gauge for the node rather than one per bucket, which would be a
 * thousand series per node. It also keeps, per peer, when this node last completed anti-entropy
 * with it (an exchange, or a root sweep it answered), for the node report: a peer missing there was
 * never reached.
 */
public final class AntiEntropyMetrics {
  private final Counter completed;
  private final Counter failed;
  private final Counter repaired;
  private final Counter bytes;
  private final Counter rebuilds;
  private final Counter sweeps;
  private final Counter sweepsFailed;
  private final InstantSource clock;
  private final AtomicLongArray lastExchange;
  private final Map<NodeId, Long> lastExchangeWith = new ConcurrentHashMap<>();

  public AntiEntropyMetrics(MeterRegistry registry, InstantSource clock, int buckets) {
    this.completed = registry.counter("ringstore.antientropy.exchanges", "outcome", "completed");
    this.failed = registry.counter("ringstore.antientropy.exchanges", "outcome", "failed");
    this.repaired = registry.counter("ringstore.antientropy.keys.repaired");
    this.bytes = registry.counter("ringstore.antientropy.bytes.sent");
    this.rebuilds = registry.counter("ringstore.antientropy.tree.rebuilds");
    this.sweeps = registry.counter("ringstore.antientropy.sweeps");
    this.sweepsFailed = registry.counter("ringstore.antientropy.sweep.peers.failed");
    this.clock = clock;
    this.lastExchange = new AtomicLongArray(buckets);
    Gauge.builder(
            "ringstore.antientropy.oldest.exchange.age.seconds", this, m -> m.oldestAgeSeconds())
        .description("seconds since the least recently exchanged bucket was exchanged (0: never)")
        .register(registry);
  }

  void exchanged(int bucket, NodeId peer) {
    completed.increment();
    long now = clock.millis();
    lastExchange.set(bucket, now);
    lastExchangeWith.put(peer, now);
  }

  /** A root sweep compared this node's roots with {@code peer}'s, which answered. */
  void compared(NodeId peer) {
    lastExchangeWith.put(peer, clock.millis());
  }

  /**
   * When this node last completed anti-entropy with each peer it ever completed it with (clock
   * millis): a Merkle exchange, or a root sweep that peer answered, whether or not roots differed.
   */
  public Map<NodeId, Long> lastExchanges() {
    return Map.copyOf(lastExchangeWith);
  }

  /** A root sweep found the bucket's roots equal on this node and a peer. */
  void inSync(int bucket) {
    lastExchange.set(bucket, clock.millis());
  }

  /** A root sweep ran; {@code failedPeers} of its peers did not answer. */
  void swept(int failedPeers) {
    sweeps.increment();
    sweepsFailed.increment(failedPeers);
  }

  void exchangeFailed() {
    failed.increment();
  }

  /** A bucket's tree was built from storage. */
  public void rebuilt() {
    rebuilds.increment();
  }

  void repaired() {
    repaired.increment();
  }

  void sent(int count) {
    bytes.increment(count);
  }

  public double repairedCount() {
    return repaired.count();
  }

  public double completedCount() {
    return completed.count();
  }

  private double oldestAgeSeconds() {
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < lastExchange.length(); i++) {
      long at = lastExchange.get(i);
      if (at > 0) {
        oldest = Math.min(oldest, at);
      }
    }
    return oldest == Long.MAX_VALUE ? 0 : (clock.millis() - oldest) / 1000.0;
  }
}
