package dev.ringstore.ring;

import com.google.common.hash.Hashing;
import dev.ringstore.common.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who stands in for a bucket's primaries that are down: the members outside its preference list,
 * ordered per bucket by rendezvous hashing (highest hash of bucket and node first), so the hints of
 * one dead node spread over the cluster instead of piling on its ring neighbour, and every node —
 * and the console drawing the ring — computes the same order.
 */
public final class FallbackOrder {
  private FallbackOrder() {}

  /**
   * The fallbacks of {@code bucket}, best first.
   *
   * @param excluded nodes that may not stand in (the bucket's preference list, its incoming owners)
   * @param live whether a member may be used now
   */
  public static List<NodeId> of(
      BucketTable table, int bucket, Collection<NodeId> excluded, Predicate<NodeId> live) {
    return table.members().stream()
        .map(Member::id)
        .filter(id -> !excluded.contains(id) && live.test(id))
        .sorted(Comparator.comparingLong((NodeId id) -> rendezvous(bucket, id)).reversed())
        .toList();
  }

  private static long rendezvous(int bucket, NodeId node) {
    return Hashing.murmur3_128()
        .newHasher()
        .putInt(bucket)
        .putString(node.value(), StandardCharsets.UTF_8)
        .hash()
        .asLong();
  }
}
