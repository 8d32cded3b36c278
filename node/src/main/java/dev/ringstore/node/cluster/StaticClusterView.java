package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import java.net.InetSocketAddress;
import java.util.HashMap;
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
  private final Routing routing;

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
    this.routing = new Routing(table.version(), table, null, records(self, this.peers));
  }

  /** Every peer as a member listening at its address; this node alone, address unknown, if none. */
  private static Map<NodeId, NodeRecord> records(
      NodeId self, Map<NodeId, InetSocketAddress> peers) {
    Map<NodeId, NodeRecord> records = new HashMap<>();
    if (peers.isEmpty()) {
      records.put(self, record(self).build());
    }
    peers.forEach(
        (id, address) ->
            records.put(id, record(id).setAddress(PeerGossipTransport.hostPort(address)).build()));
    return records;
  }

  private static NodeRecord.Builder record(NodeId id) {
    return NodeRecord.newBuilder().setId(id.value()).setStatus(NodeRole.NODE_MEMBER);
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
  public Routing routing() {
    return routing;
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
