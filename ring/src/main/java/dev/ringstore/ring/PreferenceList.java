package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.List;

/**
 * The nodes that hold a bucket's replicas, in preference order: the first is the preferred
 * coordinator, and a request walks the list in order when it needs fallbacks.
 *
 * @param bucket the bucket
 * @param nodes min(N, S) distinct nodes
 */
public record PreferenceList(int bucket, List<NodeId> nodes) {
  public PreferenceList {
    nodes = List.copyOf(nodes);
  }

  /** The first node, the preferred coordinator. */
  public NodeId primary() {
    return nodes.get(0);
  }

  public boolean contains(NodeId node) {
    return nodes.contains(node);
  }

  public int size() {
    return nodes.size();
  }
}
