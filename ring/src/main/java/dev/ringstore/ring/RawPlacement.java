package dev.ringstore.ring;

import java.util.Arrays;
import java.util.List;

/**
 * Raw token placement: a bucket's preference list is the first distinct members met walking the
 * ring clockwise from the bucket's start (Dynamo 2007, section 4.3), skipping a member whose zone
 * is already in the list while the slots left are needed to reach the required number of zones.
 *
 * <p>Raw placement is only the starting point: with few tokens per node it is unbalanced, so {@link
 * Balancer} evens it out and {@link TablePlanner} uses it to choose which buckets a joining node
 * takes first.
 */
final class RawPlacement {
  private RawPlacement() {}

  /** Every bucket's raw preference list, as indices into {@code members} (all eligible). */
  static int[][] place(RingSettings settings, List<Member> members) {
    boolean[] eligible = new boolean[members.size()];
    Arrays.fill(eligible, true);
    Assignment zones = new Assignment(settings, members, eligible, new int[0][]);
    TokenRing ring = new TokenRing(members, settings.tokens());
    int size = Math.min(settings.replicas(), members.size());
    int requiredZones = zones.requiredZones(size);
    int[][] lists = new int[settings.buckets()][];
    for (int b = 0; b < lists.length; b++) {
      lists[b] = walk(ring, settings.bucketStart(b), size, requiredZones, zones);
    }
    return lists;
  }

  private static int[] walk(
      TokenRing ring, long start, int size, int requiredZones, Assignment zones) {
    int[] list = new int[size];
    int filled = 0;
    int distinct = 0;
    boolean[] zoneUsed = new boolean[Math.max(zones.totalZones(), 1)];
    int first = ring.firstAtOrAfter(start);
    for (int pass = 0; pass < 2 && filled < size; pass++) {
      for (int step = 0; step < ring.size() && filled < size; step++) {
        int member = ring.ownerAt(first, step);
        if (contains(list, filled, member)) {
          continue;
        }
        int zone = zones.zoneOf(member);
        boolean newZone = zone >= 0 && !zoneUsed[zone];
        boolean slotNeededForZone = size - filled - 1 < requiredZones - distinct;
        if (pass == 0 && !newZone && slotNeededForZone) {
          continue;
        }
        if (newZone) {
          zoneUsed[zone] = true;
          distinct++;
        }
        list[filled++] = member;
      }
    }
    return list;
  }

  private static boolean contains(int[] list, int filled, int member) {
    for (int i = 0; i < filled; i++) {
      if (list[i] == member) {
        return true;
      }
    }
    return false;
  }
}
