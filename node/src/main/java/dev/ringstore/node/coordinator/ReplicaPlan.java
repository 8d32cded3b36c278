package dev.ringstore.node.coordinator;

import com.google.common.base.Suppliers;
import dev.ringstore.common.NodeId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where one request goes: the key's {@code n} primaries, and the targets chosen for it — every live
 * primary, plus (when sloppy) one live fallback per primary that is down.
 *
 * @param bucket the key's bucket
 * @param primaries the first n nodes of the bucket's preference list, in order
 * @param targets the nodes to send to, primaries first in preference order
 * @param incoming nodes receiving the bucket in a transfer: they get every write too, uncounted by
 *     the quorum and hinted when they miss it
 * @param spareList live fallbacks not among the targets, in fallback order, computed only when
 *     asked for (see {@link #spares})
 */
public record ReplicaPlan(
    int bucket,
    List<NodeId> primaries,
    List<Target> targets,
    List<NodeId> incoming,
    Supplier<List<NodeId>> spareList) {
  public ReplicaPlan {
    incoming = List.copyOf(incoming);
    primaries = List.copyOf(primaries);
    targets = List.copyOf(targets);
    spareList = Suppliers.memoize(spareList::get);
  }

  /**
   * Where a sloppy write goes when a target fails during the request. Ranking the fallbacks hashes
   * every other member, so it is done only for the rare request that needs it.
   */
  public List<NodeId> spares() {
    return spareList.get();
  }

  /** Primaries among the targets: those believed live. */
  public int livePrimaries() {
    return (int) targets.stream().filter(Target::isPrimary).count();
  }

  public boolean isPrimary(NodeId node) {
    return primaries.contains(node);
  }

  /**
   * The live primaries ahead of {@code node} in preference order: empty when {@code node} is the
   * first live primary, the one a conditional put must be coordinated by.
   */
  public List<NodeId> livePrimariesBefore(NodeId node) {
    return targets.stream()
        .filter(Target::isPrimary)
        .map(Target::node)
        .takeWhile(primary -> !primary.equals(node))
        .toList();
  }
}
