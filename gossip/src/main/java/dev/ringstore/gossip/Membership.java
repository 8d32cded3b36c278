package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * The members one node knows, as it sees them: what a liveness adapter, {@code ringstore status}
 * and the coordinator read. {@link Gossiper} is the implementation.
 */
public interface Membership {

  /** This node's id. */
  NodeId self();

  /** Every known member, this node included, in id order. */
  List<MemberView> members();

  /** One member, when known. */
  Optional<MemberView> member(NodeId id);

  /** Whether {@code id} is a known member believed reachable; always true for this node. */
  boolean isAlive(NodeId id);

  /** The newest bucket-table version any known member reports (this node's included). */
  long newestTableVersion();

  void addListener(MembershipListener listener);

  void removeListener(MembershipListener listener);
}
