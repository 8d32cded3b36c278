package dev.ringstore.client;

import java.util.List;

/**
 * One replica's view of a key in an {@link InspectResult}. When the replica could not be asked,
 * {@code reachable} is false, {@code error} says why and the other fields are empty.
 *
 * @param node the replica's node id
 * @param reachable whether the replica answered
 * @param found whether it holds a live value of the key
 * @param values its sibling values
 * @param context its causal context, in the string form a get returns
 * @param clock its version vector and its siblings' dots, for people
 * @param error why it could not be asked; empty when it answered
 */
public record ReplicaView(
    String node,
    boolean reachable,
    boolean found,
    List<byte[]> values,
    String context,
    String clock,
    String error) {
  public ReplicaView {
    values = List.copyOf(values);
  }

  static ReplicaView fromWire(dev.ringstore.protocol.v1.ReplicaView wire) {
    return new ReplicaView(
        wire.getNode(),
        wire.getReachable(),
        wire.getFound(),
        WireValues.bytes(wire.getValuesList()),
        wire.getReachable() ? WireValues.contextText(wire.getContext()) : "",
        wire.getClock(),
        wire.getError());
  }
}
