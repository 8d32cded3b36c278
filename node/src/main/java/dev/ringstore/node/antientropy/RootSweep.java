package dev.ringstore.node.antientropy;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Roots;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.RootsDiffer;
import dev.ringstore.gossip.antientropy.TreeHash;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.Liveness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One round of root comparison: for each live peer, one {@link Roots} message with this node's root
 * hash of every bucket the two share, answered by the buckets whose roots differ. Only those, and
 * the buckets whose tree is not built yet, need a full exchange ({@link PendingExchanges}). An idle
 * cluster whose replicas agree costs one round trip per peer per sweep, however many buckets it
 * has.
 */
final class RootSweep {
  private final ClusterView cluster;
  private final Liveness liveness;
  private final MerkleTrees trees;
  private final BiFunction<NodeId, AntiEntropyMessage, Optional<AntiEntropyMessage>> send;
  private Set<PendingExchanges.Exchange> suspected = Set.of();

  /**
   * @param send sends a message to a peer and returns its answer (empty when it has none);
   *     blocking, throws when the peer cannot be reached
   */
  RootSweep(
      ClusterView cluster,
      Liveness liveness,
      MerkleTrees trees,
      BiFunction<NodeId, AntiEntropyMessage, Optional<AntiEntropyMessage>> send) {
    this.cluster = cluster;
    this.liveness = liveness;
    this.trees = trees;
    this.send = send;
  }

  /** What a sweep found: buckets in sync with a peer, exchanges to run, the peers that answered. */
  record Outcome(
      List<Integer> inSync,
      List<PendingExchanges.Exchange> exchanges,
      int failedPeers,
      List<NodeId> answered) {}

  Outcome run() {
    Map<NodeId, Shared> shared = new LinkedHashMap<>();
    List<PendingExchanges.Exchange> exchanges = new ArrayList<>();
    int buckets = cluster.table().bucketCount();
    for (int bucket = 0; bucket < buckets; bucket++) {
      List<NodeId> peers = livePeers(bucket);
      if (peers.isEmpty()) {
        continue;
      }
      Optional<TreeHash> root = trees.currentRoot(bucket);
      if (root.isEmpty()) {
        // Building the tree is the exchange's job, paced one bucket at a time; one peer (the same
        // at every sweep until it is built) is enough, the next sweep compares it with the others.
        NodeId peer = peers.get(bucket % peers.size());
        exchanges.add(new PendingExchanges.Exchange(bucket, peer));
        continue;
      }
      for (NodeId peer : peers) {
        shared.computeIfAbsent(peer, p -> new Shared()).add(bucket, root.get());
      }
    }
    List<Integer> inSync = new ArrayList<>();
    Set<PendingExchanges.Exchange> differingNow = new HashSet<>();
    List<NodeId> answered = new ArrayList<>();
    int failed = 0;
    for (Map.Entry<NodeId, Shared> peer : shared.entrySet()) {
      Roots message = new Roots(trees.shape(), peer.getValue().buckets(), peer.getValue().roots());
      Optional<AntiEntropyMessage> answer;
      try {
        answer = send.apply(peer.getKey(), message);
      } catch (RuntimeException unreachable) {
        failed++;
        continue;
      }
      if (answer.isEmpty() || !(answer.get() instanceof RootsDiffer differ)) {
        failed++;
        continue;
      }
      answered.add(peer.getKey());
      List<Integer> differing = differ.buckets();
      int d = 0;
      for (int bucket : peer.getValue().buckets()) {
        if (d < differing.size() && differing.get(d) == bucket) {
          PendingExchanges.Exchange exchange = new PendingExchanges.Exchange(bucket, peer.getKey());
          if (suspected.contains(exchange)) {
            exchanges.add(exchange);
          }
          differingNow.add(exchange);
          d++;
        } else {
          inSync.add(bucket);
        }
      }
    }
    suspected = differingNow;
    return new Outcome(inSync, exchanges, failed, answered);
  }

  /** The buckets this node shares with one peer, with this node's root of each. */
  private record Shared(List<Integer> buckets, List<TreeHash> roots) {
    Shared() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    void add(int bucket, TreeHash root) {
      buckets.add(bucket);
      roots.add(root);
    }
  }

  /** The live peers that hold {@code bucket} with this node; empty when this node does not. */
  List<NodeId> livePeers(int bucket) {
    var preference = cluster.table().preferenceList(bucket);
    if (!preference.contains(cluster.self())) {
      return List.of();
    }
    List<NodeId> peers = new ArrayList<>(preference.nodes().size());
    for (NodeId node : preference.nodes()) {
      if (!node.equals(cluster.self()) && liveness.isLive(node)) {
        peers.add(node);
      }
    }
    return peers;
  }
}
