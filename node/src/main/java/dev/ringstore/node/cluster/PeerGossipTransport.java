package dev.ringstore.node.cluster;

import dev.ringstore.gossip.GossipMessage;
import dev.ringstore.gossip.GossipProtobuf;
import dev.ringstore.gossip.GossipTransport;
import dev.ringstore.protocol.v1.Request;
import java.net.InetSocketAddress;
import java.time.Duration;

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
  private final ClusterView cluster;

  public PeerGossipTransport(ClusterView cluster, ReplicaTransport transport) {
    this.cluster = cluster;
    this.transport = transport;
  }

  /** {@code host:port} as gossip spells addresses. */
  public static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void send(String address, GossipMessage message) {
    cluster
        .nodeAt(address)
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
