package dev.ringstore.ring;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.ringstore.common.NodeId;
import java.nio.charset.StandardCharsets;

/**
 * The one hash function of the ring: 64 bits of MurmurHash3 (x64, 128-bit variant, seed 0), the
 * function Cassandra's default partitioner uses. It is defined byte by byte, so every machine and
 * every client language maps a key to the same bucket and a node to the same tokens.
 */
public final class RingHash {
  private static final HashFunction MURMUR3 = Hashing.murmur3_128();

  private RingHash() {}

  /** The ring position of a key. */
  public static long ofKey(byte[] key) {
    return MURMUR3.hashBytes(key).asLong();
  }

  /** The ring position of virtual-node token {@code index} of a node: the hash of "id#index". */
  public static long ofToken(NodeId node, int index) {
    return MURMUR3.hashString(node.value() + "#" + index, StandardCharsets.UTF_8).asLong();
  }

  /** A well-mixed value of a bucket for a given node, used to order candidate buckets. */
  static long mix(int bucket, NodeId node) {
    return MURMUR3
        .newHasher()
        .putInt(bucket)
        .putString(node.value(), StandardCharsets.UTF_8)
        .hash()
        .asLong();
  }
}
