package dev.ringstore.gossip.antientropy;

import java.nio.ByteBuffer;

/**
 * A 128-bit node hash of a {@link BucketMerkleTree}, as two 64-bit halves. A leaf's hash is the sum
 * of its keys' entry hashes, half by half modulo 2^64; an inner node's hash is a hash of its
 * children's. {@link #ZERO} is the hash of an empty leaf.
 */
public record TreeHash(long high, long low) {
  /** The size of a hash on the wire and on disk. */
  public static final int BYTES = 16;

  /** The hash of a leaf with no keys. */
  public static final TreeHash ZERO = new TreeHash(0, 0);

  /** Reads {@link #BYTES} bytes, big-endian. */
  public static TreeHash read(ByteBuffer in) {
    return new TreeHash(in.getLong(), in.getLong());
  }

  /** Writes {@link #BYTES} bytes, big-endian. */
  public void write(ByteBuffer out) {
    out.putLong(high).putLong(low);
  }

  @Override
  public String toString() {
    return String.format("%016x%016x", high, low);
  }
}
