package dev.ringstore.gossip.antientropy;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.nio.ByteBuffer;

/**
 * A fixed-size fingerprint of what a replica stores for one key: the 128 bits of MurmurHash3 over
 * the key's {@link DottedVersionVectorSetCodec encoded} dotted version vector set, tombstones,
 * timestamps and causal context included. Two replicas that hold the same set have the same digest
 * (the encoding is canonical); replicas that differ in anything a sync would change have different
 * digests but for a 2^-128 chance.
 *
 * <p>A key that is not stored (the {@link DottedVersionVectorSet#empty() empty} set) has no digest:
 * {@link #ofStored} returns {@code null} for it, and the tree has no entry for it.
 */
public record VersionDigest(long high, long low) {
  /** The size of a digest on the wire. */
  public static final int BYTES = 16;

  /** The digest of a set as stored: the bytes {@link DottedVersionVectorSetCodec#encode} made. */
  public static VersionDigest of(byte[] encodedSet) {
    return TreeHashing.versionDigest(encodedSet);
  }

  /**
   * The digest of {@code set}, or {@code null} when the set is empty (the key is not stored).
   * Computed once per set instance and kept with it ({@link DottedVersionVectorSet#derived}).
   */
  public static VersionDigest ofStored(DottedVersionVectorSet set) {
    return set == DottedVersionVectorSet.empty() // the one empty instance: no deep equals
        ? null
        : set.derived(VersionDigest.class, s -> of(DottedVersionVectorSetCodec.encode(s)));
  }

  /** Reads {@link #BYTES} bytes, big-endian. */
  public static VersionDigest read(ByteBuffer in) {
    return new VersionDigest(in.getLong(), in.getLong());
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
