package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A write held for a replica that could not take it (hinted handoff): the state of one key that
 * {@code target} should merge in with {@link DottedVersionVectorSet#sync} once it is reachable.
 *
 * @param target the node the write was meant for
 * @param bucket the key's bucket
 * @param key the user key (copied in and out)
 * @param set what to hand to {@code target}
 */
public record Hint(NodeId target, int bucket, byte[] key, DottedVersionVectorSet set) {
  public Hint {
    Objects.requireNonNull(target, "target");
    DataKey.checkBucket(bucket);
    key = Objects.requireNonNull(key, "key").clone();
    Objects.requireNonNull(set, "set");
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  /**
   * The bytes this hint takes when stored, as hinted handoff counts them against its per-target
   * cap: the user key plus the encoded set (not the target and bucket prefix, nor storage
   * overhead).
   */
  public long storedBytes() {
    return storedBytes(key.length, DottedVersionVectorSetCodec.encode(set).length);
  }

  static long storedBytes(int keyLength, int encodedLength) {
    return (long) keyLength + encodedLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hint other
        && target.equals(other.target)
        && bucket == other.bucket
        && Arrays.equals(key, other.key)
        && set.equals(other.set);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, bucket, Arrays.hashCode(key), set);
  }

  @Override
  public String toString() {
    return "Hint{for "
        + target
        + ", bucket "
        + bucket
        + ", key "
        + HexFormat.of().formatHex(key)
        + ", "
        + set.size()
        + " siblings}";
  }
}
