package dev.ringstore.gossip.antientropy;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;

/**
 * The hashes of anti-entropy, all MurmurHash3 x64 128-bit (Guava's {@code murmur3_128}, seed 0):
 * fast and well spread, not cryptographic. A tree guards against accidents — a lost hint, a
 * replaced disk, a write that reached one replica — and each replica computes its own hashes of
 * what it stores; a client that could make two different versions of a key hash alike gains nothing
 * it could not get by writing the values it wants. Every replica write computes a version digest of
 * the stored set before and after, a key hash and two entry hashes, under the key's lock: with
 * SHA-256 they were 7 % of a write-only load's CPU. Each kind of input starts with its own tag
 * byte, so a key hash can never equal an entry or inner-node hash by construction.
 */
final class TreeHashing {
  private static final byte KEY = 1;
  private static final byte ENTRY = 2;
  private static final byte INNER = 3;
  private static final HashFunction MURMUR3 = Hashing.murmur3_128();

  private TreeHashing() {}

  /** The 128 bits of murmur3(encodedSet), untagged so anyone can recompute it. */
  static VersionDigest versionDigest(byte[] encodedSet) {
    ByteBuffer hash = ByteBuffer.wrap(MURMUR3.hashBytes(encodedSet).asBytes());
    return new VersionDigest(hash.getLong(), hash.getLong());
  }

  /** The first 64 bits of murmur3(1 · key): what places a key in a segment. */
  static long keyHash(byte[] key) {
    return MURMUR3.newHasher().putByte(KEY).putBytes(key).hash().asLong();
  }

  /** 128 bits of murmur3(2 · digest · key): one key's contribution to its leaf. */
  static TreeHash entryHash(byte[] key, VersionDigest digest) {
    Hasher hasher = MURMUR3.newHasher().putByte(ENTRY);
    hasher.putLong(digest.high()).putLong(digest.low()).putBytes(key);
    ByteBuffer hash = ByteBuffer.wrap(hasher.hash().asBytes());
    return new TreeHash(hash.getLong(), hash.getLong());
  }

  /** 128 bits of murmur3(3 · the children's hashes): an inner node's hash. */
  static TreeHash innerHash(long[] halves, int firstChild, int endChild) {
    Hasher hasher = MURMUR3.newHasher().putByte(INNER);
    for (int i = firstChild; i < endChild; i++) {
      hasher.putLong(halves[2 * i]).putLong(halves[2 * i + 1]);
    }
    ByteBuffer hash = ByteBuffer.wrap(hasher.hash().asBytes());
    return new TreeHash(hash.getLong(), hash.getLong());
  }
}
