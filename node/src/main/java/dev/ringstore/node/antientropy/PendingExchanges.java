package dev.ringstore.node.antientropy;

import dev.ringstore.common.NodeId;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * The exchanges a node still has to run, oldest first, each (bucket, peer) once however often a
 * sweep finds it: at most one per bucket and peer, so the queue is bounded by what the node holds.
 * Used by the anti-entropy thread only.
 */
final class PendingExchanges {
  /** A full Merkle-tree exchange of {@code bucket} with {@code peer}. */
  record Exchange(int bucket, NodeId peer) {}

  private final LinkedHashSet<Exchange> queue = new LinkedHashSet<>();

  void add(Exchange exchange) {
    queue.add(exchange);
  }

  Optional<Exchange> next() {
    Iterator<Exchange> oldest = queue.iterator();
    if (!oldest.hasNext()) {
      return Optional.empty();
    }
    Exchange exchange = oldest.next();
    oldest.remove();
    return Optional.of(exchange);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }
}
