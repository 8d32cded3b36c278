package dev.ringstore.config.raft;

import dev.ringstore.config.ReplicaId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The config service's one Raft group: its fixed id and its members, as Ratis names them.
 *
 * <p>The group id is derived from a constant name, so every replica agrees on it without any
 * coordination; a replica's Ratis peer id is its {@link ReplicaId}'s text.
 */
final class GroupLayout {
  /** The name the group id is derived from. Changing it orphans every existing data directory. */
  static final String GROUP_NAME = "ringstore-config";

  static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.nameUUIDFromBytes(GROUP_NAME.getBytes(StandardCharsets.UTF_8)));

  /** Raft needs a majority; an odd count gets the most fault tolerance per replica. */
  private static final Set<Integer> ALLOWED_SIZES = Set.of(1, 3, 5);

  private final RaftGroup group;
  private final List<ReplicaId> replicas;
  private final Map<ReplicaId, InetSocketAddress> addresses;

  private GroupLayout(Map<ReplicaId, InetSocketAddress> addresses) {
    this.addresses = Map.copyOf(addresses);
    this.replicas = addresses.keySet().stream().sorted().toList();
    this.group =
        RaftGroup.valueOf(
            GROUP_ID,
            replicas.stream()
                .map(r -> RaftPeer.newBuilder().setId(peerId(r)).setAddress(address(r)).build())
                .toList());
  }

  /**
   * The layout of a group with these members, seen from {@code self}.
   *
   * @throws IllegalArgumentException unless there are 1, 3 or 5 members with distinct addresses and
   *     {@code self} is one of them
   */
  static GroupLayout of(ReplicaId self, Map<ReplicaId, InetSocketAddress> peers) {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(peers, "peers");
    if (!ALLOWED_SIZES.contains(peers.size())) {
      throw new IllegalArgumentException(
          "a config group has 1, 3 or 5 replicas, got " + peers.size() + ": " + peers.keySet());
    }
    if (!peers.containsKey(self)) {
      throw new IllegalArgumentException(
          "replica " + self + " is not among the group's replicas " + peers.keySet());
    }
    peers.values().forEach(a -> Objects.requireNonNull(a, "replica address"));
    if (Set.copyOf(peers.values()).size() != peers.size()) {
      throw new IllegalArgumentException("two replicas share an address: " + peers);
    }
    return new GroupLayout(peers);
  }

  RaftGroup group() {
    return group;
  }

  /** Every member, sorted. */
  List<ReplicaId> replicas() {
    return replicas;
  }

  InetSocketAddress addressOf(ReplicaId replica) {
    return addresses.get(replica);
  }

  static RaftPeerId peerId(ReplicaId replica) {
    return RaftPeerId.valueOf(replica.value());
  }

  static ReplicaId replicaId(RaftPeerId peer) {
    return ReplicaId.of(peer.toString());
  }

  private String address(ReplicaId replica) {
    InetSocketAddress a = addresses.get(replica);
    String host = a.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
