/**
 * Membership by gossip: who is in the cluster, where they listen, what they say of themselves, and
 * whether this node believes them alive.
 *
 * <p>{@link dev.ringstore.gossip.Gossiper} is the whole of it for a caller: build it with this
 * node's {@link dev.ringstore.gossip.MemberState}, the seed addresses, a {@link
 * dev.ringstore.gossip.GossipTransport}, a clock and a random generator; call {@code runRound()}
 * every second and {@code receive(message)} for every message that arrives; read the view through
 * {@link dev.ringstore.gossip.Membership} and hear of changes through {@link
 * dev.ringstore.gossip.MembershipListener}. {@link dev.ringstore.gossip.GossipProtobuf} converts
 * the messages to and from the wire schema. The failure detector lives in {@link
 * dev.ringstore.gossip.failure}. docs/gossip.md describes the protocol and its numbers.
 */
package dev.ringstore.gossip;
