package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import java.util.List;

/**
 * Where one request goes: the key's {@code n} primaries, and the targets chosen for it — every live
 * primary, plus (when sloppy) one live fallback per primary that is down.
 *
 * @param bucket the key's bucket
 * @param primaries the first n nodes of the bucket's preference list, in order
 * @param targets the nodes to send to, primaries first in preference order
 * @param spares live fallbacks not among the targets, in fallback order: where a sloppy write goes
 *     when a target fails during the request
 */
public record ReplicaPlan(
    int bucket, List<NodeId> primaries, List<Target> targets, List<NodeId> spares) {
  public ReplicaPlan {
    primaries = List.copyOf(primaries);
    targets = List.copyOf(targets);
    spares = List.copyOf(spares);
  }

  /** Primaries among the targets: those believed live. */
  public int livePrimaries() {
    return (int) targets.stream().filter(Target::isPrimary).count();
  }

  public boolean isPrimary(NodeId node) {
    return primaries.contains(node);
  }
}
