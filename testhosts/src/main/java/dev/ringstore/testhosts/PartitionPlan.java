package dev.ringstore.testhosts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which bridge each host's port sits on during a partition: the hosts of side {@code k} share
 * bridge {@code k}, and each host named in no side gets a bridge of its own after those, so it is
 * cut off from everyone.
 */
final class PartitionPlan {
  private PartitionPlan() {}

  /** Bridge number per host, in host order. */
  static Map<String, Integer> bridges(List<String> hosts, List<Set<String>> sides) {
    Map<String, Integer> sideOf = new HashMap<>();
    for (int side = 0; side < sides.size(); side++) {
      if (sides.get(side).isEmpty()) {
        throw new IllegalArgumentException("side " + side + " of the partition is empty");
      }
      for (String host : sides.get(side)) {
        if (!hosts.contains(host)) {
          throw new IllegalArgumentException("no host '" + host + "' in " + hosts);
        }
        Integer previous = sideOf.put(host, side);
        if (previous != null) {
          throw new IllegalArgumentException(
              "host '" + host + "' is on sides " + previous + " and " + side);
        }
      }
    }
    Map<String, Integer> bridges = new LinkedHashMap<>();
    int nextAlone = sides.size();
    for (String host : hosts) {
      Integer side = sideOf.get(host);
      bridges.put(host, side != null ? side : nextAlone++);
    }
    return bridges;
  }

  /** Everyone on bridge 0: the network whole again. */
  static Map<String, Integer> healed(List<String> hosts) {
    Map<String, Integer> bridges = new LinkedHashMap<>();
    hosts.forEach(host -> bridges.put(host, 0));
    return bridges;
  }
}
