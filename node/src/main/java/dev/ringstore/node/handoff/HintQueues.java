package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.HintGrowth;
import dev.ringstore.node.storage.StorageEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many hints, and how many bytes of them ({@link Hint#storedBytes()}), this node holds per
 * target: counted as hints are stored, merged and deleted, and rebuilt from one scan when the node
 * starts, so neither the byte cap nor the gauges ever scan a queue. Published as {@code
 * ringstore_hints_queue{target}} and {@code ringstore_hints_queue_bytes{target}}.
 */
public final class HintQueues {
  private final MeterRegistry registry;
  private final Map<NodeId, Queue> queues = new ConcurrentHashMap<>();

  HintQueues(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The hints held for {@code target}. */
  public long hints(NodeId target) {
    Queue queue = queues.get(target);
    return queue == null ? 0 : queue.hints();
  }

  /** The bytes of hints held for {@code target}. */
  public long bytes(NodeId target) {
    Queue queue = queues.get(target);
    return queue == null ? 0 : queue.bytes();
  }

  /** One target's queue: the hints held for it and their bytes. */
  public record Held(NodeId target, long hints, long bytes) {}

  /** Every target this node holds hints for, with their counts, in target order. */
  public List<Held> held() {
    return queues.entrySet().stream()
        .map(e -> new Held(e.getKey(), e.getValue().hints(), e.getValue().bytes()))
        .filter(held -> held.hints() > 0)
        .sorted(Comparator.comparing(held -> held.target().value()))
        .toList();
  }

  /** The hints held for every target. */
  public long totalHints() {
    return queues.values().stream().mapToLong(Queue::hints).sum();
  }

  void stored(NodeId target, HintGrowth growth) {
    queue(target).add(growth.added() ? 1 : 0, growth.bytesAfter() - growth.bytesBefore());
  }

  void deleted(NodeId target, long bytes) {
    queue(target).add(-1, -bytes);
  }

  /** Recounts every queue from {@code storage}: once, before the node serves. */
  void rebuild(StorageEngine storage) {
    queues.values().forEach(queue -> queue.set(0, 0));
    for (NodeId target : storage.hintTargets()) {
      long[] counted = new long[2];
      storage.scanHints(
          target,
          hint -> {
            counted[0]++;
            counted[1] += hint.storedBytes();
            return true;
          });
      queue(target).set(counted[0], counted[1]);
    }
  }

  private Queue queue(NodeId target) {
    return queues.computeIfAbsent(
        target,
        t -> {
          Queue queue = new Queue();
          Gauge.builder("ringstore.hints.queue", queue, Queue::hints)
              .tag("target", t.value())
              .description("hints held for the target")
              .register(registry);
          Gauge.builder("ringstore.hints.queue.bytes", queue, Queue::bytes)
              .tag("target", t.value())
              .description("bytes of hints held for the target (keys plus encoded values)")
              .baseUnit("bytes")
              .register(registry);
          return queue;
        });
  }

  /** One target's counts; a queue that empties has no bytes, whatever rounding came before. */
  private static final class Queue {
    private long hints;
    private long bytes;

    synchronized long hints() {
      return hints;
    }

    synchronized long bytes() {
      return bytes;
    }

    synchronized void add(long moreHints, long moreBytes) {
      hints = Math.max(0, hints + moreHints);
      bytes = hints == 0 ? 0 : Math.max(0, bytes + moreBytes);
    }

    synchronized void set(long newHints, long newBytes) {
      hints = newHints;
      bytes = newBytes;
    }
  }
}
