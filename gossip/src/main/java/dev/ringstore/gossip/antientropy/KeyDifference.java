package dev.ringstore.gossip.antientropy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key two replicas disagree on, as one side of an exchange sees it: the digest of what this
 * replica stores ({@code null}: it does not store the key) and of what the other one stores.
 *
 * <p>The digests say that the versions differ, not which is newer: the versions may be concurrent.
 * Repair therefore pushes both ways — each side sends its set for every difference it holds {@link
 * #local()} for, and the receiver merges it with {@code DottedVersionVectorSet.sync} — so that both
 * end with the merge, whichever was behind.
 */
public final class KeyDifference {
  private final byte[] key;
  private final VersionDigest local;
  private final VersionDigest remote;

  KeyDifference(byte[] key, VersionDigest local, VersionDigest remote) {
    if (local == null && remote == null || Objects.equals(local, remote)) {
      throw new IllegalArgumentException("not a difference: " + local + " / " + remote);
    }
    this.key = key;
    this.local = local;
    this.remote = remote;
  }

  /** A copy of the key. */
  public byte[] key() {
    return key.clone();
  }

  byte[] keyUnsafe() {
    return key;
  }

  /** The digest of this replica's version, or {@code null} if it does not store the key. */
  public VersionDigest local() {
    return local;
  }

  /** The digest of the other replica's version, or {@code null} if it does not store the key. */
  public VersionDigest remote() {
    return remote;
  }

  /** The same difference as the other replica sees it. */
  public KeyDifference reversed() {
    return new KeyDifference(key, remote, local);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyDifference other
        && Arrays.equals(key, other.key)
        && Objects.equals(local, other.local)
        && Objects.equals(remote, other.remote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(key), local, remote);
  }

  @Override
  public String toString() {
    return KeyVersion.show(key) + ": local " + local + ", remote " + remote;
  }
}
