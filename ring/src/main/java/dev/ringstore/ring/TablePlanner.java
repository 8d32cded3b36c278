package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a table and a membership change into the next table and the bucket-replicas that move,
 * moving as little as balance allows:
 *
 * <ul>
 *   <li>Join: each new node takes one bucket-replica at a time from the heaviest old node that can
 *       give one under the zone rule, until no old node holds two more than it. It takes first the
 *       buckets that raw token placement on the new ring would give it. Every move goes to a new
 *       node, and each new node ends with about its fair share N·Q/S.
 *   <li>Leave: only the leaving node's bucket-replicas move, each to the lightest node that keeps
 *       the zone rule.
 *   <li>Replace: the new node takes exactly the old node's place in every list.
 * </ul>
 *
 * Every plan then orders each list so that primaries are even too ({@link PrimaryBalancer}), since
 * token-aware clients send each request to a bucket's first node; reordering moves no data.
 *
 * <p>Deterministic: ties are broken by node id and bucket number, never by hash-map order.
 */
public final class TablePlanner {
  private TablePlanner() {}

  /** Plans a change of the given table; the new table's version is the old one's plus one. */
  public static TablePlan plan(BucketTable table, MembershipChange change) {
    TablePlan placed = placed(table, change);
    return new TablePlan(table, PrimaryBalancer.balanced(table, placed.after()), placed.moves());
  }

  /** The plan before primaries are evened out: which nodes hold each bucket. */
  private static TablePlan placed(BucketTable table, MembershipChange change) {
    if (change instanceof MembershipChange.Add add) {
      return add(table, add.members());
    }
    if (change instanceof MembershipChange.Remove remove) {
      return remove(table, remove.node());
    }
    MembershipChange.Replace replace = (MembershipChange.Replace) change;
    return replace(table, replace.old(), replace.replacement());
  }

  private static TablePlan add(BucketTable table, List<Member> joining) {
    for (Member m : joining) {
      if (table.member(m.id()).isPresent()) {
        throw new InvalidRingException("node " + m.id() + " is already a member");
      }
    }
    List<Member> union =
        MemberList.validated(Stream.concat(table.members().stream(), joining.stream()).toList());
    boolean[] isNew = new boolean[union.size()];
    for (int m = 0; m < union.size(); m++) {
      isNew[m] = table.member(union.get(m).id()).isEmpty();
    }
    Assignment a = remapped(table, union, null);
    List<BucketMove> moves = new ArrayList<>();
    growShortLists(a, isNew, moves);
    spreadOverNewZones(a, isNew, moves);
    int[][] raw = RawPlacement.place(table.settings(), union);
    while (stealOne(a, isNew, raw, moves)) {
      // each round moves one bucket-replica to the lightest new node that can take one
    }
    return new TablePlan(table, a.toTable(table.version() + 1), moves);
  }

  /** With fewer nodes than replicas before, every list gains the new nodes it now has room for. */
  private static void growShortLists(Assignment a, boolean[] isNew, List<BucketMove> moves) {
    int target = a.targetSize();
    for (int b = 0; b < a.bucketCount(); b++) {
      while (a.list(b).length < target) {
        int bucket = b;
        int joiner =
            a.lightestFirst().stream()
                .filter(m -> isNew[m] && a.canAppend(bucket, m))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no node can join bucket " + bucket));
        a.append(b, joiner);
        moves.add(new BucketMove(b, null, a.members().get(joiner).id()));
      }
    }
  }

  /**
   * Joiners that bring a new zone raise the zones every list must span: each list that now spans
   * too few gives the place of a member whose zone it holds twice (the heaviest such) to the
   * lightest joiner of a zone it lacks. A lone node in a new zone thus receives every bucket it
   * must, as rack-aware placement in Cassandra does.
   */
  private static void spreadOverNewZones(Assignment a, boolean[] isNew, List<BucketMove> moves) {
    for (int b = 0; b < a.bucketCount(); b++) {
      while (a.zonesSpanned(b) < a.requiredZones(a.list(b).length)
          && widenOnce(a, isNew, b, moves)) {
        // one more zone per round
      }
    }
  }

  private static boolean widenOnce(
      Assignment a, boolean[] isNew, int bucket, List<BucketMove> moves) {
    List<Integer> heaviest = a.lightestFirst();
    Collections.reverse(heaviest);
    for (int joiner : a.lightestFirst()) {
      if (!isNew[joiner]) {
        continue;
      }
      for (int member : heaviest) {
        int slot = a.slotOf(bucket, member);
        if (slot >= 0 && a.widensZones(bucket, slot, joiner)) {
          a.replace(bucket, slot, joiner);
          moves.add(new BucketMove(bucket, id(a, member), id(a, joiner)));
          return true;
        }
      }
    }
    return false;
  }

  private static boolean stealOne(
      Assignment a, boolean[] isNew, int[][] raw, List<BucketMove> moves) {
    List<Integer> lightest = a.lightestFirst();
    List<Integer> heaviest = new ArrayList<>(lightest);
    Collections.reverse(heaviest);
    for (int receiver : lightest) {
      if (!isNew[receiver]) {
        continue;
      }
      for (int donor : heaviest) {
        if (isNew[donor]) {
          continue;
        }
        if (a.load(donor) <= a.load(receiver) + 1) {
          break;
        }
        int bucket = pickBucket(a, donor, receiver, raw);
        if (bucket >= 0) {
          a.replace(bucket, a.slotOf(bucket, donor), receiver);
          moves.add(new BucketMove(bucket, id(a, donor), id(a, receiver)));
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The donor's bucket the receiver should take: one that raw placement on the new ring gives the
   * receiver (lowest bucket first), else the one with the lowest mix of bucket and receiver, which
   * spreads a joiner's buckets over the whole key space.
   */
  private static int pickBucket(Assignment a, int donor, int receiver, int[][] raw) {
    int best = -1;
    long bestMix = Long.MAX_VALUE;
    NodeId receiverId = id(a, receiver);
    BitSet buckets = a.bucketsOf(donor);
    for (int b = buckets.nextSetBit(0); b >= 0; b = buckets.nextSetBit(b + 1)) {
      if (!a.canReplace(b, a.slotOf(b, donor), receiver)) {
        continue;
      }
      if (Arrays.stream(raw[b]).anyMatch(m -> m == receiver)) {
        return b;
      }
      long mix = RingHash.mix(b, receiverId);
      if (best < 0 || mix < bestMix) {
        best = b;
        bestMix = mix;
      }
    }
    return best;
  }

  private static TablePlan remove(BucketTable table, NodeId leaving) {
    if (table.member(leaving).isEmpty()) {
      throw new InvalidRingException("node " + leaving + " is not a member");
    }
    if (table.members().size() == 1) {
      throw new InvalidRingException("cannot remove " + leaving + ", the last node");
    }
    Assignment a = remapped(table, table.members(), leaving);
    int x = table.members().indexOf(table.member(leaving).orElseThrow());
    int target = a.targetSize();
    List<BucketMove> moves = new ArrayList<>();
    BitSet held = (BitSet) a.bucketsOf(x).clone();
    for (int b = held.nextSetBit(0); b >= 0; b = held.nextSetBit(b + 1)) {
      int slot = a.slotOf(b, x);
      if (a.list(b).length > target) {
        a.dropSlot(b, slot);
        moves.add(new BucketMove(b, leaving, null));
        continue;
      }
      int heir = heir(a, b, slot);
      a.replace(b, slot, heir);
      moves.add(new BucketMove(b, leaving, id(a, heir)));
    }
    return new TablePlan(table, a.toTable(table.version() + 1), moves);
  }

  /** The lightest node that may take the slot under the zone rule, else any eligible outsider. */
  private static int heir(Assignment a, int bucket, int slot) {
    List<Integer> lightest = a.lightestFirst();
    for (int candidate : lightest) {
      if (a.canReplace(bucket, slot, candidate)) {
        return candidate;
      }
    }
    return lightest.stream()
        .filter(m -> !a.bucketsOf(m).get(bucket))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no heir for bucket " + bucket));
  }

  private static TablePlan replace(BucketTable table, NodeId old, Member replacement) {
    Member leaving =
        table
            .member(old)
            .orElseThrow(() -> new InvalidRingException("node " + old + " is not a member"));
    if (table.member(replacement.id()).isPresent()) {
      throw new InvalidRingException("node " + replacement.id() + " is already a member");
    }
    if (!java.util.Objects.equals(leaving.zone(), replacement.zone())) {
      throw new InvalidRingException(
          "replacement "
              + replacement.id()
              + " must be in the zone of "
              + old
              + " ("
              + leaving.zoneName().orElse("none")
              + ")");
    }
    List<Member> after =
        MemberList.validated(
            Stream.concat(
                    table.members().stream().filter(m -> !m.id().equals(old)),
                    Stream.of(replacement))
                .toList());
    int newIndex = after.indexOf(replacement);
    int oldIndex = table.members().indexOf(leaving);
    List<BucketMove> moves = new ArrayList<>();
    int[][] lists = new int[table.bucketCount()][];
    for (int b = 0; b < lists.length; b++) {
      int[] list = table.memberIndices(b).clone();
      for (int i = 0; i < list.length; i++) {
        if (list[i] == oldIndex) {
          list[i] = newIndex;
          moves.add(new BucketMove(b, old, replacement.id()));
        } else {
          list[i] = after.indexOf(table.members().get(list[i]));
        }
      }
      lists[b] = list;
    }
    return new TablePlan(
        table, new BucketTable(table.version() + 1, table.settings(), after, lists), moves);
  }

  /** An assignment over {@code members} holding the table's lists, with one node ineligible. */
  private static Assignment remapped(BucketTable table, List<Member> members, NodeId ineligible) {
    int[] toNew = new int[table.members().size()];
    for (int m = 0; m < toNew.length; m++) {
      toNew[m] = members.indexOf(table.members().get(m));
    }
    int[][] lists = new int[table.bucketCount()][];
    for (int b = 0; b < lists.length; b++) {
      lists[b] = Arrays.stream(table.memberIndices(b)).map(m -> toNew[m]).toArray();
    }
    boolean[] eligible = new boolean[members.size()];
    for (int m = 0; m < eligible.length; m++) {
      eligible[m] = !members.get(m).id().equals(ineligible);
    }
    return new Assignment(table.settings(), members, eligible, lists);
  }

  private static NodeId id(Assignment a, int member) {
    return a.members().get(member).id();
  }
}
