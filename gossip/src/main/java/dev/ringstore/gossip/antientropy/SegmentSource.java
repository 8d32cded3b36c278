package dev.ringstore.gossip.antientropy;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where an exchange gets the keys of the segments two trees disagree on: the tree holds only
 * hashes, so the replica's store has to say which keys a segment holds and their digests.
 */
@FunctionalInterface
public interface SegmentSource {
  /**
   * Every key this replica stores for the bucket whose {@link BucketMerkleTree#segmentOf segment}
   * is in {@code segments}, with its digest, in any order.
   */
  List<KeyVersion> entries(BitSet segments);

  /**
   * A source that scans the whole bucket and keeps the keys of the wanted segments, digesting their
   * sets as it goes: for a bucket of a thousand keys or so, a scan per exchange costs less than
   * keeping an index. {@code scan} visits every stored key of the bucket once, as {@code visitor ->
   * storage.scan(bucket, visitor)} does.
   */
  static SegmentSource scanning(
      TreeShape shape, Consumer<BiConsumer<byte[], DottedVersionVectorSet>> scan) {
    return segments -> {
      List<KeyVersion> entries = new ArrayList<>();
      scan.accept(
          (key, set) -> {
            if (segments.get(shape.segmentOf(TreeHashing.keyHash(key)))) {
              VersionDigest digest = VersionDigest.ofStored(set);
              if (digest != null) {
                entries.add(KeyVersion.of(key, digest));
              }
            }
          });
      return entries;
    };
  }
}
