package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;

/**
 * Drops the hints that can no longer be of use, on the hint thread: every hint held for a node that
 * is no longer a member ({@link DropReason#REMOVED}; checked every replay pass, it costs no scan),
 * and every hint whose newest write is older than the TTL, whether or not its target is live
 * ({@link DropReason#TTL}; a scan of every queue, every sweep interval).
 */
public final class HintSweeper {
  private final HeldHints hints;
  private final ClusterView cluster;

  public HintSweeper(HeldHints hints, ClusterView cluster) {
    this.hints = hints;
    this.cluster = cluster;
  }

  /** Drops the queues of targets that left the cluster or were removed from it. */
  public void dropRemoved() {
    for (NodeId target : hints.targets()) {
      if (removed(target)) {
        hints.dropAll(target, DropReason.REMOVED);
      }
    }
  }

  /** Drops every hint past the TTL. */
  public void dropExpired() {
    for (NodeId target : hints.targets()) {
      hints.scan(
          target,
          hint -> {
            if (hints.expired(hint)) {
              hints.drop(hint, DropReason.TTL);
            }
            return true;
          });
    }
  }

  /**
   * A node is removed once it is in neither the current table nor the one a transfer is heading to,
   * and the node list (which has joining nodes too) records it as left or removed, or no longer has
   * it at all (a static member list without it).
   */
  private boolean removed(NodeId target) {
    Routing routing = cluster.routing();
    if (routing.current().member(target).isPresent()
        || (routing.target() != null && routing.target().member(target).isPresent())) {
      return false;
    }
    NodeRecord record = routing.nodes().get(target);
    return record == null
        || record.getStatus() == NodeRole.NODE_LEFT
        || record.getStatus() == NodeRole.NODE_REMOVED;
  }
}
