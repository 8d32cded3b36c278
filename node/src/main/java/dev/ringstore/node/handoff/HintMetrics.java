package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Hinted handoff's meters: hints stored, replayed and dropped (with the {@link DropReason}), and
 * the {@link HintQueues} held per target.
 */
public final class HintMetrics {
  private final Counter stored;
  private final Counter replayed;
  private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
  private final HintQueues queues;

  public HintMetrics(MeterRegistry registry) {
    this.stored = registry.counter("ringstore.hints.stored");
    this.replayed = registry.counter("ringstore.hints.replayed");
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, registry.counter("ringstore.hints.dropped", "reason", reason.tag()));
    }
    this.queues = new HintQueues(registry);
  }

  void stored() {
    stored.increment();
  }

  void replayed() {
    replayed.increment();
  }

  void dropped(DropReason reason) {
    dropped.get(reason).increment();
  }

  /** The hints and bytes this node holds per target. */
  public HintQueues queues() {
    return queues;
  }

  /** The hints held for {@code target} now. */
  public long queueSize(NodeId target) {
    return queues.hints(target);
  }

  public double storedCount() {
    return stored.count();
  }

  public double replayedCount() {
    return replayed.count();
  }

  public double droppedCount(DropReason reason) {
    return dropped.get(reason).count();
  }

  /** Hints dropped for any reason. */
  public double droppedCount() {
    return Arrays.stream(DropReason.values()).mapToDouble(this::droppedCount).sum();
  }
}
