package dev.ringstore.gossip.antientropy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One key of a bucket and the {@link VersionDigest} of what a replica stores for it: what replicas
 * exchange for the segments their trees disagree on. Equal by content; ordered by key, unsigned
 * bytes, as the storage engine orders keys.
 */
public final class KeyVersion {
  /** Unsigned byte order of the keys, as {@code StorageEngine.scan} visits them. */
  public static final Comparator<KeyVersion> KEY_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.key, b.key);

  private final byte[] key;
  private final VersionDigest digest;

  private KeyVersion(byte[] key, VersionDigest digest) {
    this.key = key;
    this.digest = digest;
  }

  /** The pair; copies {@code key}. */
  public static KeyVersion of(byte[] key, VersionDigest digest) {
    return new KeyVersion(key.clone(), Objects.requireNonNull(digest, "digest"));
  }

  /** The pair, taking over {@code key}: the caller must not change it afterwards. */
  static KeyVersion ofOwned(byte[] key, VersionDigest digest) {
    return new KeyVersion(key, Objects.requireNonNull(digest, "digest"));
  }

  /** A copy of the key. */
  public byte[] key() {
    return key.clone();
  }

  byte[] keyUnsafe() {
    return key;
  }

  public VersionDigest digest() {
    return digest;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyVersion other
        && Arrays.equals(key, other.key)
        && digest.equals(other.digest);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + digest.hashCode();
  }

  @Override
  public String toString() {
    return show(key) + "@" + digest;
  }

  /** A key for people: as text when it is printable ASCII, else as hex. */
  static String show(byte[] key) {
    for (byte b : key) {
      if (b < 0x20 || b > 0x7e) {
        return "0x" + HexFormat.of().formatHex(key);
      }
    }
    return new String(key, StandardCharsets.US_ASCII);
  }
}
