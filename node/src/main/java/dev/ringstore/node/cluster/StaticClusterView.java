package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cluster fixed at start: the members of {@link ClusterSettings#peers()} (or this node alone) and
 * the initial bucket table they make. Every node given the same list computes the same table.
 */
public final class StaticClusterView implements ClusterView {
  private final NodeId self;
  private final Map<NodeId, InetSocketAddress> peers;
  private final BucketTable table;

  public StaticClusterView(NodeId self, Map<NodeId, InetSocketAddress> peers, RingSettings ring) {
    if (!peers.isEmpty() && !peers.containsKey(self)) {
      throw new IllegalArgumentException("the peer list must include this node, " + self);
    }
    this.self = self;
    this.peers = Map.copyOf(peers);
    List<Member> members =
        peers.isEmpty()
            ? List.of(new Member(self, null))
            : peers.keySet().stream().map(id -> new Member(id, null)).toList();
    this.table = BucketTable.initial(members, ring);
  }

  @Override
  public NodeId self() {
    return self;
  }

  @Override
  public BucketTable table() {
    return table;
  }

  @Override
  public Optional<InetSocketAddress> address(NodeId node) {
    return Optional.ofNullable(peers.get(node));
  }

  @Override
  public Optional<NodeId> nodeAt(String hostPort) {
    return peers.entrySet().stream()
        .filter(e -> PeerGossipTransport.hostPort(e.getValue()).equals(hostPort))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public Set<NodeId> knownNodes() {
    return peers.isEmpty() ? Set.of(self) : peers.keySet();
  }
}
