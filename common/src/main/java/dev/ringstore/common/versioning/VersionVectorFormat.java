package dev.ringstore.common.versioning;

import dev.ringstore.common.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * The binary form of a {@link VersionVector}, shared by {@link CausalContext} and {@link
 * DottedVersionVectorSetCodec}:
 *
 * <pre>
 * varint  actor count
 * per actor, in actor order (strictly increasing):
 *   varint  node id length L (1..64)
 *   L bytes node id, UTF-8
 *   8 bytes incarnation, big-endian
 *   varint  counter (1 .. 2^63-1)
 * </pre>
 *
 * The incarnation is fixed-width because it is random: as a varint it would take 10 bytes for half
 * of all values.
 */
final class VersionVectorFormat {
  static final int MAX_NODE_ID_BYTES = 64;

  /** Length byte, one-byte node id, incarnation, one-byte counter. */
  private static final int MIN_ENTRY_BYTES = 1 + 1 + 8 + 1;

  private VersionVectorFormat() {}

  static void write(VersionVector vector, BinaryWriter out) {
    out.writeVarlong(vector.size());
    vector
        .asMap()
        .forEach(
            (actor, counter) -> {
              byte[] node = actor.node().value().getBytes(StandardCharsets.UTF_8);
              out.writeVarlong(node.length)
                  .writeBytes(node)
                  .writeFixed64(actor.incarnation())
                  .writeVarlong(counter);
            });
  }

  static VersionVector read(BinaryReader in) {
    long count = in.readVarlong("actor count");
    if (count < 0 || count > in.remaining() / MIN_ENTRY_BYTES) {
      throw in.error(
          "truncated: "
              + Long.toUnsignedString(count)
              + " actors cannot fit in the "
              + in.remaining()
              + " bytes that remain");
    }
    TreeMap<ActorId, Long> counters = new TreeMap<>();
    ActorId previous = null;
    for (int i = 0; i < count; i++) {
      int length = in.readLength("node id length of actor " + i, MAX_NODE_ID_BYTES);
      if (length == 0) {
        throw in.error("node id of actor " + i + " is empty");
      }
      NodeId node;
      try {
        node = NodeId.of(new String(in.readBytes(length), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw in.error("node id of actor " + i + " is not 1-64 letters, digits, '.', '_' or '-'");
      }
      ActorId actor = new ActorId(node, in.readFixed64("incarnation of actor " + i));
      long counter = in.readVarlong("counter of actor " + i);
      if (counter < 1) {
        throw in.error(
            "counter of actor "
                + actor
                + " is "
                + Long.toUnsignedString(counter)
                + ", must be between 1 and 2^63-1");
      }
      if (previous != null && previous.compareTo(actor) >= 0) {
        throw in.error("actor " + actor + " is out of order or repeated");
      }
      counters.put(actor, counter);
      previous = actor;
    }
    return VersionVector.ofTrusted(counters);
  }
}
