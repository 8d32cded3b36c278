package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import java.util.Optional;

/**
 * A node a request is sent to: a primary replica, or a fallback standing in for one that is down
 * (sloppy quorum), which keeps what it receives as a hint for that primary.
 *
 * @param node where the request goes
 * @param standsInFor the primary this fallback replaces; null for a primary
 */
public record Target(NodeId node, NodeId standsInFor) {

  public static Target primary(NodeId node) {
    return new Target(node, null);
  }

  public static Target fallback(NodeId node, NodeId forPrimary) {
    return new Target(node, forPrimary);
  }

  public boolean isPrimary() {
    return standsInFor == null;
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
    return standsInFor == null ? node.value() : node + " (for " + standsInFor + ")";
  }
}
