package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.List;

/** A change an operator asks of the cluster's membership; the planner turns it into a new table. */
public sealed interface MembershipChange {
  /** New nodes join. */
  record Add(List<Member> members) implements MembershipChange {
    public Add {
      members = List.copyOf(members);
      if (members.isEmpty()) {
        throw new InvalidRingException("nothing to add");
      }
    }
  }

  /** A node leaves; only the bucket-replicas it held move. */
  record Remove(NodeId node) implements MembershipChange {}

  /** A new node takes over exactly the bucket-replicas of an old one. */
  record Replace(NodeId old, Member replacement) implements MembershipChange {}
}
