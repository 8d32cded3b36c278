package dev.ringstore.client;

import java.util.List;

/**
 * One replica's view of a key in an {@link InspectResult}. When the replica could not be asked,
 * {@code reachable} is false, {@code error} says why and the other fields are empty.
 *
 * @param node the replica's node id
 * @param reachable whether the replica answered
 * @param found whether it holds a live value of the key
 * @param values its sibling values; empty when left out (see {@code valueSizes})
 * @param valueSizes each sibling value's size in bytes, also when the values were left out because
 *     every replica's values would not fit in one reply
 * @param context its causal context, in the string form a get returns
 * @param clock its version vector and its siblings' dots, for people
 * @param error why it could not be asked; empty when it answered
 */
public record ReplicaView(
    String node,
    boolean reachable,
    boolean found,
    List<byte[]> values,
    List<Long> valueSizes,
    String context,
    String clock,
    String error) {
  public ReplicaView {
    values = List.copyOf(values);
    valueSizes = List.copyOf(valueSizes);
  }

  /** Whether the values were left out of the reply (their sizes are in {@link #valueSizes}). */
  public boolean valuesOmitted() {
    return values.size() < valueSizes.size();
  }

  static ReplicaView fromWire(dev.ringstore.protocol.v1.ReplicaView wire) {
    return new ReplicaView(
        wire.getNode(),
        wire.getReachable(),
        wire.getFound(),
        WireValues.bytes(wire.getValuesList()),
        wire.getValueSizesList(),
        wire.getReachable() ? WireValues.contextText(wire.getContext()) : "",
        wire.getClock(),
        wire.getError());
  }
}
