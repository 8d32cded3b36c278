package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Shared helpers for ring tests: member lists and the measures the properties check. */
final class Tables {
  private Tables() {}

  /** Nodes n1..nS, zones z1..zZ assigned round-robin (none when zones is 0). */
  static List<Member> members(int count, int zones) {
    return members(1, count, zones);
  }

  static List<Member> members(int first, int count, int zones) {
    List<Member> members = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      members.add(
          zones == 0 ? Member.of("n" + i) : Member.of("n" + i, "z" + ((i - 1) % zones + 1)));
    }
    return members;
  }

  /** The zone with the fewest members (ties by name): where a joining node should go. */
  static String smallestZone(BucketTable table) {
    Map<String, Integer> counts = new TreeMap<>();
    table.members().forEach(m -> counts.merge(m.zone(), 1, Integer::sum));
    return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  static int zoneCount(BucketTable table) {
    Set<String> zones = new HashSet<>();
    table.members().forEach(m -> m.zoneName().ifPresent(zones::add));
    return zones.size();
  }

  /** Max over mean of bucket-replicas per node, within each zone when zones are set. */
  static double maxOverMean(BucketTable table) {
    Map<String, List<Integer>> byZone = new TreeMap<>();
    Map<NodeId, Integer> counts = table.replicaCounts();
    for (Member m : table.members()) {
      byZone
          .computeIfAbsent(m.zoneName().orElse(""), z -> new ArrayList<>())
          .add(counts.get(m.id()));
    }
    double worst = 0;
    for (List<Integer> loads : byZone.values()) {
      double mean = loads.stream().mapToInt(Integer::intValue).average().orElseThrow();
      int max = loads.stream().mapToInt(Integer::intValue).max().orElseThrow();
      worst = Math.max(worst, max / mean);
    }
    return worst;
  }

  /**
   * Max over mean of primaries (first places) per node over all members: token-aware clients send
   * every request to a bucket's first node, so this is the spread of coordinating load.
   */
  static double primariesMaxOverMean(BucketTable table) {
    Map<NodeId, Integer> counts = new TreeMap<>();
    table.members().forEach(m -> counts.put(m.id(), 0));
    for (int b = 0; b < table.bucketCount(); b++) {
      counts.merge(table.preferenceList(b).primary(), 1, Integer::sum);
    }
    double mean = (double) table.bucketCount() / table.members().size();
    return counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow() / mean;
  }
}
