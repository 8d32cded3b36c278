package dev.ringstore.gossip;

/**
 * How a {@link Gossiper} sends its messages: the node sends them over its protocol connections, a
 * simulation through its simulated network. Gossip tolerates everything an unreliable network does:
 * a message may be lost, delayed, duplicated or reordered, and the sender never learns which.
 */
@FunctionalInterface
public interface GossipTransport {

  /**
   * Sends {@code message} to whoever listens at {@code address} ({@code host:port}), without
   * waiting. Must not block and must not throw for an unreachable address: drop the message. Called
   * outside the gossiper's lock, so a transport that delivers synchronously is allowed.
   */
  void send(String address, GossipMessage message);
}
