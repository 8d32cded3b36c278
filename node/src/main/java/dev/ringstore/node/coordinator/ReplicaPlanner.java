package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.FallbackOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a request's targets from the bucket table and liveness. A primary that is down is
 * replaced, when the request is sloppy, by the next live fallback in {@link FallbackOrder}.
 */
public final class ReplicaPlanner {
  private final ClusterView cluster;
  private final Liveness liveness;

  public ReplicaPlanner(ClusterView cluster, Liveness liveness) {
    this.cluster = cluster;
    this.liveness = liveness;
  }

  /** The table's replication factor as this cluster can honour it: at most one per member. */
  public int replicationFactor() {
    BucketTable table = cluster.table();
    return Math.min(table.settings().replicas(), table.members().size());
  }

  public ReplicaPlan plan(int bucket, Quorum quorum) {
    BucketTable table = cluster.table();
    List<NodeId> preference = table.preferenceList(bucket).nodes();
    List<NodeId> primaries = preference.subList(0, Math.min(quorum.n(), preference.size()));
    List<NodeId> incoming = cluster.incoming(bucket);
    List<Target> targets = new ArrayList<>();
    List<NodeId> down = new ArrayList<>();
    for (NodeId primary : primaries) {
      if (liveness.isLive(primary)) {
        targets.add(Target.primary(primary));
      } else {
        down.add(primary);
      }
    }
    if (!quorum.sloppy()) {
      return new ReplicaPlan(bucket, primaries, targets, incoming, List::of);
    }
    if (down.isEmpty()) {
      return new ReplicaPlan(
          bucket,
          primaries,
          targets,
          incoming,
          () -> fallbacks(table, bucket, preference, incoming));
    }
    List<NodeId> fallbacks = fallbacks(table, bucket, preference, incoming);
    int used = Math.min(down.size(), fallbacks.size());
    for (int i = 0; i < used; i++) {
      targets.add(Target.fallback(fallbacks.get(i), down.get(i)));
    }
    List<NodeId> spares = fallbacks.subList(used, fallbacks.size());
    return new ReplicaPlan(bucket, primaries, targets, incoming, () -> spares);
  }

  private List<NodeId> fallbacks(
      BucketTable table, int bucket, List<NodeId> preference, List<NodeId> incoming) {
    List<NodeId> excluded = new ArrayList<>(preference);
    excluded.addAll(incoming);
    return FallbackOrder.of(table, bucket, excluded, liveness::isLive);
  }
}
