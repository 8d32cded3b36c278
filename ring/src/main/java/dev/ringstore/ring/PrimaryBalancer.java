package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of every plan: orders each bucket's list so that primaries (first places) are as
 * even as replicas. Token-aware clients send every request to a bucket's first node, so first
 * places decide how many requests a node coordinates; but a join or leave hands slots over in
 * place, and a joiner that takes many first slots ends up coordinating far more than its share (277
 * of 1,024 buckets for the sixth node of six, against about 171). Reordering a list moves no data,
 * so this step adds no {@link BucketMove}, and order plays no part in the zone rule.
 *
 * <p>Each bucket starts from the node that was first before the change if it still holds the bucket
 * (its clients keep their coordinator), else from the planner's first slot. Then, while the node
 * with the most first places holds more than ⌈Q/S⌉, one first place travels along the shortest
 * chain from it to a node with at least two fewer: each bucket on the chain passes its first place
 * to a node already in its list. When the heaviest node has no such chain, the nodes it reaches
 * hold at most one fewer each and the buckets they are first in list no node outside them, so no
 * order of the lists has a lower maximum (the cost-reducing paths of semi-matchings) and the step
 * stops.
 *
 * <p>Deterministic: the heaviest node is the lowest index among equals, chains are searched
 * breadth-first over buckets in ascending order, and each level's lightest node (lowest index among
 * equals) ends the chain.
 */
final class PrimaryBalancer {
  private final int[][] lists;
  private final int[] first;
  private final int[] count;
  private final BitSet[] firstIn;

  private PrimaryBalancer(int memberCount, int[][] lists, int[] first) {
    this.lists = lists;
    this.first = first;
    this.count = new int[memberCount];
    this.firstIn = new BitSet[memberCount];
    for (int m = 0; m < memberCount; m++) {
      firstIn[m] = new BitSet(lists.length);
    }
    for (int b = 0; b < lists.length; b++) {
      count[first[b]]++;
      firstIn[first[b]].set(b);
    }
  }

  /**
   * {@code after} with its lists reordered to even out primaries, keeping those of {@code before}.
   */
  static BucketTable balanced(BucketTable before, BucketTable after) {
    Map<NodeId, Integer> afterIndex = new HashMap<>(); // looked up, never iterated
    for (int m = 0; m < after.members().size(); m++) {
      afterIndex.put(after.members().get(m).id(), m);
    }
    int[][] lists = new int[after.bucketCount()][];
    int[] first = new int[lists.length];
    for (int b = 0; b < lists.length; b++) {
      lists[b] = after.memberIndices(b).clone();
      int kept = afterIndex.getOrDefault(before.preferenceList(b).primary(), -1);
      first[b] = Arrays.stream(lists[b]).anyMatch(m -> m == kept) ? kept : lists[b][0];
    }
    PrimaryBalancer balancer = new PrimaryBalancer(after.members().size(), lists, first);
    balancer.even();
    for (int b = 0; b < lists.length; b++) {
      promote(lists[b], first[b]);
    }
    return new BucketTable(after.version(), after.settings(), after.members(), lists);
  }

  private void even() {
    int fairShare = (lists.length + count.length - 1) / count.length;
    while (true) {
      int heaviest = 0;
      for (int m = 1; m < count.length; m++) {
        heaviest = count[m] > count[heaviest] ? m : heaviest;
      }
      if (count[heaviest] <= fairShare || !shiftOne(heaviest)) {
        return;
      }
    }
  }

  /** Moves one first place from {@code heavy} along the shortest chain; false if there is none. */
  private boolean shiftOne(int heavy) {
    int[] via = new int[count.length]; // the bucket through which each node was reached
    boolean[] seen = new boolean[count.length];
    seen[heavy] = true;
    List<Integer> level = List.of(heavy);
    while (!level.isEmpty()) {
      List<Integer> next = new ArrayList<>();
      int lightest = -1;
      for (int node : level) {
        BitSet buckets = firstIn[node];
        for (int b = buckets.nextSetBit(0); b >= 0; b = buckets.nextSetBit(b + 1)) {
          for (int other : lists[b]) {
            if (!seen[other]) {
              seen[other] = true;
              via[other] = b;
              next.add(other);
              boolean lighter =
                  lightest < 0
                      || count[other] < count[lightest]
                      || (count[other] == count[lightest] && other < lightest);
              lightest = lighter ? other : lightest;
            }
          }
        }
      }
      if (lightest >= 0 && count[lightest] <= count[heavy] - 2) {
        for (int node = lightest; node != heavy; ) {
          int b = via[node];
          int previous = first[b];
          firstIn[previous].clear(b);
          firstIn[node].set(b);
          first[b] = node;
          node = previous;
        }
        count[heavy]--;
        count[lightest]++;
        return true;
      }
      level = next;
    }
    return false;
  }

  /** Moves {@code member} to the front, keeping the others' order. */
  private static void promote(int[] list, int member) {
    int slot = 0;
    while (list[slot] != member) {
      slot++;
    }
    System.arraycopy(list, 0, list, 1, slot);
    list[0] = member;
  }
}
