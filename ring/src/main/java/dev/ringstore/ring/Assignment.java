package dev.ringstore.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * A bucket table under construction: each bucket's preference list as member indices, with the
 * per-member replica counts and bucket sets kept in step, and the zone rule that every change must
 * keep. Initial placement, balancing and change planning all edit tables through this one class.
 *
 * <p>Members that are not eligible (a node being removed) may still appear in lists, but no
 * bucket-replica is ever given to them and they do not count towards the zones in play.
 */
final class Assignment {
  private final RingSettings settings;
  private final List<Member> members;
  private final boolean[] eligible;
  private final int[] zoneOf;
  private final int zoneCount;
  private final int totalZones;
  private final int[][] lists;
  private final int[] load;
  private final BitSet[] bucketsOf;

  Assignment(RingSettings settings, List<Member> members, boolean[] eligible, int[][] lists) {
    this.settings = settings;
    this.members = List.copyOf(members);
    this.eligible = eligible.clone();
    this.zoneOf = new int[members.size()];
    // Zones are numbered over all members, so a leaving node's zone still counts in its lists;
    // only eligible members' zones count towards the zones a list must span.
    TreeMap<String, Integer> zones = new TreeMap<>();
    members.forEach(m -> m.zoneName().ifPresent(z -> zones.putIfAbsent(z, 0)));
    int z = 0;
    for (var entry : zones.entrySet()) {
      entry.setValue(z++);
    }
    BitSet eligibleZones = new BitSet();
    for (int m = 0; m < members.size(); m++) {
      zoneOf[m] = members.get(m).zoneName().map(zones::get).orElse(-1);
      if (eligible[m] && zoneOf[m] >= 0) {
        eligibleZones.set(zoneOf[m]);
      }
    }
    this.totalZones = zones.size();
    this.zoneCount = eligibleZones.cardinality();
    this.lists = new int[lists.length][];
    this.load = new int[members.size()];
    this.bucketsOf = new BitSet[members.size()];
    for (int m = 0; m < members.size(); m++) {
      bucketsOf[m] = new BitSet(lists.length);
    }
    for (int b = 0; b < lists.length; b++) {
      this.lists[b] = lists[b].clone();
      for (int m : lists[b]) {
        load[m]++;
        bucketsOf[m].set(b);
      }
    }
  }

  RingSettings settings() {
    return settings;
  }

  List<Member> members() {
    return members;
  }

  int memberCount() {
    return members.size();
  }

  boolean isEligible(int member) {
    return eligible[member];
  }

  int zoneOf(int member) {
    return zoneOf[member];
  }

  /** Distinct zones among eligible members: what lists must span, up to their size. */
  int zoneCount() {
    return zoneCount;
  }

  /** Distinct zones among all members, eligible or not: the range of {@link #zoneOf}. */
  int totalZones() {
    return totalZones;
  }

  int bucketCount() {
    return lists.length;
  }

  int load(int member) {
    return load[member];
  }

  BitSet bucketsOf(int member) {
    return bucketsOf[member];
  }

  int[] list(int bucket) {
    return lists[bucket];
  }

  /** How long a full preference list is: min(N, eligible members). */
  int targetSize() {
    int count = 0;
    for (boolean e : eligible) {
      count += e ? 1 : 0;
    }
    return Math.min(settings.replicas(), count);
  }

  /** How many distinct zones a list of this size must span: min(size, zones). */
  int requiredZones(int size) {
    return Math.min(size, zoneCount);
  }

  int slotOf(int bucket, int member) {
    int[] list = lists[bucket];
    for (int i = 0; i < list.length; i++) {
      if (list[i] == member) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code candidate} may take {@code slot} of a bucket's list: it is eligible, not in the
   * list already, and the list keeps the zones it must span (or, if it spans fewer already, does
   * not lose one more).
   */
  boolean canReplace(int bucket, int slot, int candidate) {
    if (!eligible[candidate] || bucketsOf[candidate].get(bucket)) {
      return false;
    }
    int[] list = lists[bucket];
    int before = distinctZones(list, -1, -1);
    int after = distinctZones(list, slot, candidate);
    return after >= Math.min(requiredZones(list.length), before);
  }

  /** Distinct zones a bucket's list spans now. */
  int zonesSpanned(int bucket) {
    return distinctZones(lists[bucket], -1, -1);
  }

  /** Whether giving {@code slot} to {@code candidate} makes the list span more zones. */
  boolean widensZones(int bucket, int slot, int candidate) {
    return eligible[candidate]
        && !bucketsOf[candidate].get(bucket)
        && distinctZones(lists[bucket], slot, candidate) > zonesSpanned(bucket);
  }

  /** Whether {@code candidate} may join a bucket's list as one more replica. */
  boolean canAppend(int bucket, int candidate) {
    if (!eligible[candidate] || bucketsOf[candidate].get(bucket)) {
      return false;
    }
    int[] list = lists[bucket];
    int[] grown = Arrays.copyOf(list, list.length + 1);
    grown[list.length] = candidate;
    int slotsLeft = targetSize() - grown.length;
    return distinctZones(grown, -1, -1) + slotsLeft >= requiredZones(targetSize());
  }

  void replace(int bucket, int slot, int candidate) {
    int previous = lists[bucket][slot];
    load[previous]--;
    bucketsOf[previous].clear(bucket);
    lists[bucket][slot] = candidate;
    load[candidate]++;
    bucketsOf[candidate].set(bucket);
  }

  void append(int bucket, int candidate) {
    int[] list = lists[bucket];
    int[] grown = Arrays.copyOf(list, list.length + 1);
    grown[list.length] = candidate;
    lists[bucket] = grown;
    load[candidate]++;
    bucketsOf[candidate].set(bucket);
  }

  /** Moves a slot's member to the front of the list, keeping the others' order; moves no data. */
  void promote(int bucket, int slot) {
    int[] list = lists[bucket];
    int member = list[slot];
    System.arraycopy(list, 0, list, 1, slot);
    list[0] = member;
  }

  void dropSlot(int bucket, int slot) {
    int[] list = lists[bucket];
    int member = list[slot];
    load[member]--;
    bucketsOf[member].clear(bucket);
    int[] shrunk = new int[list.length - 1];
    System.arraycopy(list, 0, shrunk, 0, slot);
    System.arraycopy(list, slot + 1, shrunk, slot, list.length - slot - 1);
    lists[bucket] = shrunk;
  }

  /** Eligible members, lightest first, ties by id. */
  List<Integer> lightestFirst() {
    List<Integer> order = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      if (eligible[m]) {
        order.add(m);
      }
    }
    order.sort((a, b) -> load[a] != load[b] ? Integer.compare(load[a], load[b]) : a - b);
    return order;
  }

  /** The table this assignment describes, keeping only the eligible members. */
  BucketTable toTable(long version) {
    List<Member> kept = new ArrayList<>();
    int[] newIndex = new int[members.size()];
    for (int m = 0; m < members.size(); m++) {
      newIndex[m] = eligible[m] ? kept.size() : -1;
      if (eligible[m]) {
        kept.add(members.get(m));
      }
    }
    int[][] remapped = new int[lists.length][];
    for (int b = 0; b < lists.length; b++) {
      remapped[b] = Arrays.stream(lists[b]).map(m -> newIndex[m]).toArray();
    }
    return new BucketTable(version, settings, kept, remapped);
  }

  private int distinctZones(int[] list, int replacedSlot, int replacement) {
    long seen = 0; // zone bitmap for the first 64 zones
    BitSet more = null;
    int count = 0;
    for (int i = 0; i < list.length; i++) {
      int zone = zoneOf[i == replacedSlot ? replacement : list[i]];
      if (zone < 0) {
        continue;
      }
      if (zone < 64) {
        if ((seen & (1L << zone)) == 0) {
          seen |= 1L << zone;
          count++;
        }
      } else {
        more = more == null ? new BitSet() : more;
        if (!more.get(zone)) {
          more.set(zone);
          count++;
        }
      }
    }
    return count;
  }
}
