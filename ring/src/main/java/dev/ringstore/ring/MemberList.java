package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks and orders the members a table is built from. */
final class MemberList {
  private MemberList() {}

  /**
   * The members sorted by id, after checking that there is at least one, that no id repeats, and
   * that either every member has a zone or none has (a half-zoned cluster has no clear rule).
   */
  static List<Member> validated(Collection<Member> members) {
    if (members.isEmpty()) {
      throw new InvalidRingException("a table needs at least one node");
    }
    Set<NodeId> ids = new HashSet<>();
    long zoned = 0;
    for (Member m : members) {
      if (!ids.add(m.id())) {
        throw new InvalidRingException("node " + m.id() + " is listed twice");
      }
      zoned += m.zone() != null ? 1 : 0;
    }
    if (zoned != 0 && zoned != members.size()) {
      Member unzoned = members.stream().filter(m -> m.zone() == null).findFirst().orElseThrow();
      throw new InvalidRingException(
          "node " + unzoned.id() + " has no zone while others do: give every node a zone, or none");
    }
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(sorted);
  }
}
