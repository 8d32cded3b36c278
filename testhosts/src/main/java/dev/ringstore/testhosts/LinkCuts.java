package dev.ringstore.testhosts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which peers each host stops reaching in a non-transitive partition, the kind bridges cannot make:
 * a ring partition, where each host of a ring still reaches its two neighbours and nobody else of
 * the ring (hosts outside the ring are not affected).
 */
public final class LinkCuts {
  private LinkCuts() {}

  /**
   * For each host of {@code ring} (in ring order, at least 4, so someone is not a neighbour), the
   * other ring hosts that are not next to it.
   */
  public static Map<String, Set<String>> ring(List<String> ring) {
    if (ring.size() < 4) {
      throw new IllegalArgumentException(
          "a ring partition needs at least 4 hosts (with 3 everyone is a neighbour): " + ring);
    }
    if (Set.copyOf(ring).size() != ring.size()) {
      throw new IllegalArgumentException("a host is twice in the ring " + ring);
    }
    Map<String, Set<String>> cuts = new LinkedHashMap<>();
    int n = ring.size();
    for (int i = 0; i < n; i++) {
      Set<String> far = new LinkedHashSet<>();
      for (int j = 0; j < n; j++) {
        int distance = Math.floorMod(j - i, n);
        if (distance > 1 && distance < n - 1) {
          far.add(ring.get(j));
        }
      }
      cuts.put(ring.get(i), far);
    }
    return cuts;
  }
}
