package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.GossipMessage;
import dev.ringstore.gossip.GossipProtobuf;
import dev.ringstore.gossip.GossipTransport;
import dev.ringstore.protocol.v1.Request;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gossip over the node protocol: each message is a one-way {@code gossip} request to the member at
 * the address, sent through the node's replica transport (so it shares its connections and tells
 * liveness what it learns) and forgotten — gossip tolerates loss. Addresses resolve through the
 * cluster's member list; a message to an address no member has is dropped.
 */
public final class PeerGossipTransport implements GossipTransport {
  /** How long a gossip message may wait for its (empty) answer before the send counts as failed. */
  public static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);

  private final ReplicaTransport transport;
  private final Map<String, NodeId> byAddress = new ConcurrentHashMap<>();

  public PeerGossipTransport(Map<NodeId, InetSocketAddress> peers, ReplicaTransport transport) {
    this.transport = transport;
    peers.forEach((id, address) -> byAddress.put(hostPort(address), id));
  }

  /** {@code host:port} as gossip spells addresses. */
  public static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void send(String address, GossipMessage message) {
    Optional.ofNullable(byAddress.get(address))
        .ifPresent(
            target ->
                transport
                    .send(
                        target,
                        Request.newBuilder().setGossip(GossipProtobuf.toProto(message)).build(),
                        SEND_TIMEOUT)
                    .exceptionally(lost -> null));
  }
}
