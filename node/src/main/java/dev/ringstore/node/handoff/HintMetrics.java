package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hinted handoff's meters: hints stored, replayed and dropped (with the reason), and the queue of
 * hints held per target, as counted by the last replay pass.
 */
public final class HintMetrics {
  private final MeterRegistry registry;
  private final Counter stored;
  private final Counter replayed;
  private final Counter droppedWindow;
  private final Counter droppedTtl;
  private final Map<NodeId, AtomicLong> queues = new ConcurrentHashMap<>();

  public HintMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.stored = registry.counter("ringstore.hints.stored");
    this.replayed = registry.counter("ringstore.hints.replayed");
    this.droppedWindow = registry.counter("ringstore.hints.dropped", "reason", "window");
    this.droppedTtl = registry.counter("ringstore.hints.dropped", "reason", "ttl");
  }

  void stored() {
    stored.increment();
  }

  void replayed() {
    replayed.increment();
  }

  void droppedOutsideWindow() {
    droppedWindow.increment();
  }

  void droppedExpired() {
    droppedTtl.increment();
  }

  void queueSize(NodeId target, long size) {
    queues
        .computeIfAbsent(
            target,
            t -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder("ringstore.hints.queue", value, AtomicLong::get)
                  .tag("target", t.value())
                  .description("hints held for the target, as of the last replay pass")
                  .register(registry);
              return value;
            })
        .set(size);
  }

  /** The hints held for {@code target} as of the last replay pass. */
  public long queueSize(NodeId target) {
    AtomicLong value = queues.get(target);
    return value == null ? 0 : value.get();
  }

  /** Every target a queue size was ever reported for. */
  public Set<NodeId> targets() {
    return Set.copyOf(queues.keySet());
  }

  public double storedCount() {
    return stored.count();
  }

  public double replayedCount() {
    return replayed.count();
  }

  public double droppedCount() {
    return droppedWindow.count() + droppedTtl.count();
  }
}
