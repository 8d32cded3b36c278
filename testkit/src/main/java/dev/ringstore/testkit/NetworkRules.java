package dev.ringstore.testkit;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated network does to a message between two endpoints: partitions (messages vanish,
 * so the sender times out), a drop probability and a delay, each per direction.
 */
final class NetworkRules {
  private final Set<Link> cut = ConcurrentHashMap.newKeySet();
  private final Map<Link, Double> dropRates = new ConcurrentHashMap<>();
  private final Map<Link, Duration> delays = new ConcurrentHashMap<>();

  record Link(NodeId from, NodeId to) {}

  void cut(NodeId a, NodeId b) {
    cut.add(new Link(a, b));
    cut.add(new Link(b, a));
  }

  void drop(NodeId from, NodeId to, double probability) {
    dropRates.put(new Link(from, to), probability);
  }

  void delay(NodeId from, NodeId to, Duration delay) {
    delays.put(new Link(from, to), delay);
  }

  void heal() {
    cut.clear();
    dropRates.clear();
    delays.clear();
  }

  boolean isCut(NodeId from, NodeId to) {
    return cut.contains(new Link(from, to));
  }

  double dropRate(NodeId from, NodeId to) {
    return dropRates.getOrDefault(new Link(from, to), 0.0);
  }

  Optional<Duration> delay(NodeId from, NodeId to) {
    return Optional.ofNullable(delays.get(new Link(from, to)));
  }
}
