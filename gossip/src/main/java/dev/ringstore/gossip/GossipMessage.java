package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a gossip exchange, in memory ({@link GossipProtobuf} converts to and from the wire
 * form). An exchange is three one-way messages, after van Renesse et al.'s push/pull anti-entropy
 * and Cassandra's gossip:
 *
 * <pre>
 *   initiator                                  receiver
 *      |-- Syn(digests of every state it knows) -->|
 *      |<-- Ack(states newer than those digests,   |
 *      |        ids of states the initiator has newer)
 *      |-- Ack2(the states asked for) ------------>|
 * </pre>
 *
 * Every message names its sender, the address to answer to, and the receiver it is meant for (empty
 * when the sender only knows an address, as for a seed).
 */
public sealed interface GossipMessage {

  NodeId from();

  String fromAddress();

  /** The receiver the sender means; empty when it only knew the address. */
  Optional<NodeId> to();

  /** Opens an exchange. */
  record Syn(NodeId from, String fromAddress, Optional<NodeId> to, List<Digest> digests)
      implements GossipMessage {
    public Syn {
      check(from, fromAddress, to);
      digests = List.copyOf(digests);
    }
  }

  /** Answers a {@link Syn}: what the initiator lacks, and what the receiver wants from it. */
  record Ack(
      NodeId from,
      String fromAddress,
      Optional<NodeId> to,
      List<MemberState> states,
      List<NodeId> requests)
      implements GossipMessage {
    public Ack {
      check(from, fromAddress, to);
      states = List.copyOf(states);
      requests = List.copyOf(requests);
    }
  }

  /** Closes an exchange with the states an {@link Ack} asked for. */
  record Ack2(NodeId from, String fromAddress, Optional<NodeId> to, List<MemberState> states)
      implements GossipMessage {
    public Ack2 {
      check(from, fromAddress, to);
      states = List.copyOf(states);
    }
  }

  private static void check(NodeId from, String fromAddress, Optional<NodeId> to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (fromAddress == null || fromAddress.isBlank()) {
      throw new IllegalArgumentException("a gossip message from " + from + " has no address");
    }
  }
}
