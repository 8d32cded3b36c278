package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import java.util.Optional;

/**
 * A node a request is sent to: a primary replica, a fallback standing in for one that is down
 * (sloppy quorum), which keeps what it receives as a hint for that primary, or a node receiving the
 * bucket in a transfer, which stores it as its own but is not a primary yet.
 *
 * @param node where the request goes
 * @param standsInFor the primary this fallback replaces; null for a primary or an incoming owner
 * @param incoming whether the node is receiving the bucket in a transfer
 */
public record Target(NodeId node, NodeId standsInFor, boolean incoming) {

  public static Target primary(NodeId node) {
    return new Target(node, null, false);
  }

  public static Target fallback(NodeId node, NodeId forPrimary) {
    return new Target(node, forPrimary, false);
  }

  /** A node receiving the bucket in a transfer (docs/transfer.md). */
  public static Target incoming(NodeId node) {
    return new Target(node, null, true);
  }

  public boolean isPrimary() {
    return standsInFor == null && !incoming;
  }

  /** The primary this target holds the data for: itself, or the one it stands in for. */
  public NodeId owner() {
    return standsInFor == null ? node : standsInFor;
  }

  public Optional<NodeId> hintFor() {
    return Optional.ofNullable(standsInFor);
  }

  @Override
  public String toString() {
    if (incoming) {
      return node + " (incoming)";
    }
    return standsInFor == null ? node.value() : node + " (for " + standsInFor + ")";
  }
}
