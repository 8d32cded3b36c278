package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys of the {@code hints} column family: target node, then bucket, then user key, so one node's
 * hints are one contiguous range in bucket and key order.
 *
 * <pre>
 * +-----+---------------------+-----------------+-----------------------+
 * | len | node id (len bytes) | bucket (u16 BE) | user key (0..n bytes) |
 * +-----+---------------------+-----------------+-----------------------+
 * </pre>
 *
 * Node ids are 1..64 ASCII characters, so the length fits one byte and no node's prefix is a prefix
 * of another's.
 */
final class HintKey {
  private HintKey() {}

  static byte[] of(NodeId target, int bucket, byte[] userKey) {
    byte[] prefix = prefix(target);
    byte[] data = DataKey.of(bucket, userKey).bytes();
    byte[] key = Arrays.copyOf(prefix, prefix.length + data.length);
    System.arraycopy(data, 0, key, prefix.length, data.length);
    return key;
  }

  /** The first possible key of {@code target}'s hints. */
  static byte[] prefix(NodeId target) {
    byte[] id = target.value().getBytes(StandardCharsets.UTF_8);
    byte[] prefix = new byte[1 + id.length];
    prefix[0] = (byte) id.length;
    System.arraycopy(id, 0, prefix, 1, id.length);
    return prefix;
  }

  /** The first key after all of {@code target}'s hints (ids are ASCII: the last byte can grow). */
  static byte[] prefixEnd(NodeId target) {
    byte[] end = prefix(target);
    end[end.length - 1]++;
    return end;
  }

  /** The target node of a stored hint key. */
  static NodeId target(byte[] hintKey) {
    return NodeId.of(new String(hintKey, 1, hintKey[0] & 0xFF, StandardCharsets.UTF_8));
  }

  /** The stored key's bucket and user key, as a data key. */
  static DataKey dataKey(byte[] hintKey) {
    int start = 1 + (hintKey[0] & 0xFF);
    return DataKey.fromStored(Arrays.copyOfRange(hintKey, start, hintKey.length));
  }
}
