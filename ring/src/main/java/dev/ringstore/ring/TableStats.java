package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an operator wants to know of a table's balance: bucket-replicas and primaries (first places,
 * the buckets a node coordinates) per node, the max/mean of bucket-replicas, overall and within
 * each zone (the zone rule fixes a zone's share, so balance is judged within it), and the max/mean
 * of primaries over all nodes (token-aware clients send each request to a bucket's first node, so
 * that is the spread of request load, whatever the zones).
 */
public final class TableStats {
  private final BucketTable table;
  private final Map<NodeId, Integer> replicas;
  private final Map<NodeId, Integer> primaries = new LinkedHashMap<>();

  public TableStats(BucketTable table) {
    this.table = table;
    this.replicas = table.replicaCounts();
    table.members().forEach(m -> primaries.put(m.id(), 0));
    for (int b = 0; b < table.bucketCount(); b++) {
      primaries.merge(table.preferenceList(b).primary(), 1, Integer::sum);
    }
  }

  public int replicas(NodeId node) {
    return replicas.getOrDefault(node, 0);
  }

  public int primaries(NodeId node) {
    return primaries.getOrDefault(node, 0);
  }

  /** Max over mean of bucket-replicas per node among all members. */
  public double maxOverMean() {
    return maxOverMean(new ArrayList<>(replicas.values()));
  }

  /** Max over mean of primaries per node among all members. */
  public double primariesMaxOverMean() {
    return maxOverMean(new ArrayList<>(primaries.values()));
  }

  /** Max over mean of bucket-replicas per node within each zone, by zone name. */
  public Map<String, Double> maxOverMeanByZone() {
    Map<String, List<Integer>> byZone = new TreeMap<>();
    for (Member m : table.members()) {
      m.zoneName()
          .ifPresent(
              z -> byZone.computeIfAbsent(z, k -> new ArrayList<>()).add(replicas.get(m.id())));
    }
    Map<String, Double> result = new LinkedHashMap<>();
    byZone.forEach((zone, loads) -> result.put(zone, maxOverMean(loads)));
    return result;
  }

  private static double maxOverMean(List<Integer> loads) {
    double mean = loads.stream().mapToInt(Integer::intValue).average().orElse(0);
    int max = loads.stream().mapToInt(Integer::intValue).max().orElse(0);
    return mean == 0 ? 1 : max / mean;
  }
}
