package dev.ringstore.gossip.antientropy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of anti-entropy, all SHA-256 from the JDK (every Java runtime has it, and on x86-64
 * and AArch64 it runs on the CPU's SHA instructions). Each kind of input starts with its own tag
 * byte, so a key hash can never equal an entry or inner-node hash by construction.
 */
final class Sha256 {
  private static final byte KEY = 1;
  private static final byte ENTRY = 2;
  private static final byte INNER = 3;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  private Sha256() {}

  /** The first 128 bits of SHA-256(encodedSet), untagged so anyone can recompute it. */
  static VersionDigest versionDigest(byte[] encodedSet) {
    ByteBuffer hash = ByteBuffer.wrap(sha().digest(encodedSet));
    return new VersionDigest(hash.getLong(), hash.getLong());
  }

  /** 64 bits of SHA-256(1 · key): what places a key in a segment. */
  static long keyHash(byte[] key) {
    MessageDigest sha = sha();
    sha.update(KEY);
    sha.update(key);
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  /** 128 bits of SHA-256(2 · digest · key): one key's contribution to its leaf. */
  static TreeHash entryHash(byte[] key, VersionDigest digest) {
    ByteBuffer prefix = ByteBuffer.allocate(1 + VersionDigest.BYTES).put(ENTRY);
    digest.write(prefix);
    MessageDigest sha = sha();
    sha.update(prefix.array());
    sha.update(key);
    ByteBuffer hash = ByteBuffer.wrap(sha.digest());
    return new TreeHash(hash.getLong(), hash.getLong());
  }

  /** 128 bits of SHA-256(3 · the children's hashes): an inner node's hash. */
  static TreeHash innerHash(long[] halves, int firstChild, int endChild) {
    ByteBuffer children = ByteBuffer.allocate(1 + (endChild - firstChild) * TreeHash.BYTES);
    children.put(INNER);
    for (int i = firstChild; i < endChild; i++) {
      children.putLong(halves[2 * i]).putLong(halves[2 * i + 1]);
    }
    ByteBuffer hash = ByteBuffer.wrap(sha().digest(children.array()));
    return new TreeHash(hash.getLong(), hash.getLong());
  }

  private static MessageDigest sha() {
    MessageDigest sha = SHA256.get();
    sha.reset();
    return sha;
  }
}
