package dev.ringstore.node.server;

import dev.ringstore.gossip.Gossiper;
import dev.ringstore.node.coordinator.StorageByteBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Shows how close the node is to the bounds that protect its memory from floods: the bytes of
 * writes waiting for storage (near the limit, clients see OVERLOADED) and the new members gossip
 * refused because the member table was full (above zero: a forged flood, or a cap set too low).
 */
final class BoundsMetrics {
  private BoundsMetrics() {}

  static void bind(MeterRegistry registry, StorageByteBudget storageBytes, Gossiper gossiper) {
    Gauge.builder("ringstore.storage.queue.bytes", storageBytes, StorageByteBudget::held)
        .description("key and value bytes of writes accepted and not yet written")
        .register(registry);
    Gauge.builder("ringstore.storage.queue.bytes.limit", storageBytes, StorageByteBudget::limit)
        .description("the bound on ringstore.storage.queue.bytes, past which writes are OVERLOADED")
        .register(registry);
    FunctionCounter.builder("ringstore.gossip.members.refused", gossiper, Gossiper::refusedMembers)
        .description("new members refused because the member table was full")
        .register(registry);
  }
}
