package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The push/pull step of an exchange: from the digests a SYN carries, what the receiver pushes back
 * (states it holds newer, and states the SYN did not list at all) and what it pulls (ids it holds
 * older or not at all). This is the "precise reconciliation" of van Renesse, Dumitriu, Gough and
 * Thomas, "Efficient Reconciliation and Flow Control for Anti-Entropy Protocols" (2008): digests
 * are (member, generation, version), so only states that differ cross the network. Whole member
 * states are sent, not deltas: a state is a few dozen bytes.
 */
final class Reconciliation {
  final List<MemberState> newer = new ArrayList<>();
  final List<NodeId> wanted = new ArrayList<>();

  private Reconciliation() {}

  /** Compares {@code digests} (the SYN's) with what {@code table} holds. */
  static Reconciliation of(MemberTable table, List<Digest> digests) {
    Reconciliation result = new Reconciliation();
    int listedAndKnown = 0;
    for (Digest digest : digests) {
      MemberState mine = table.state(digest.id());
      if (mine == null) {
        // Do not ask for what the table would refuse: no room, or a member it forgot.
        if (table.wouldKeepNew(digest.id(), digest.generation())) {
          result.wanted.add(digest.id());
        }
        continue;
      }
      listedAndKnown++;
      int order = mine.digest().compareVersion(digest.generation(), digest.version());
      if (order > 0) {
        result.newer.add(mine);
      } else if (order < 0) {
        result.wanted.add(digest.id());
      }
    }
    if (listedAndKnown < table.size()) { // the SYN's sender lacks some members entirely
      Set<NodeId> listed = new HashSet<>(digests.size() * 2);
      digests.forEach(digest -> listed.add(digest.id()));
      for (MemberState mine : table.states()) {
        if (!listed.contains(mine.id())) {
          result.newer.add(mine);
        }
      }
    }
    return result;
  }

  /** The states {@code table} holds for {@code ids}, skipping ids it does not know. */
  static List<MemberState> requested(MemberTable table, List<NodeId> ids) {
    List<MemberState> states = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      MemberState mine = table.state(id);
      if (mine != null) {
        states.add(mine);
      }
    }
    return states;
  }

  boolean isEmpty() {
    return newer.isEmpty() && wanted.isEmpty();
  }
}
