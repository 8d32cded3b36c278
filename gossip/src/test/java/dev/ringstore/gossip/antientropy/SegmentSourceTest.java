package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SegmentSourceTest {
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 1);

  @Test
  void aScanningSourceListsTheStoredKeysOfTheWantedSegmentsOnly() {
    TreeMap<byte[], DottedVersionVectorSet> bucket = new TreeMap<>(Arrays::compareUnsigned);
    for (int i = 0; i < 500; i++) {
      DottedVersionVectorSet set =
          DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("v" + i), i, N1);
      bucket.put(bytes("key-" + i), i % 10 == 0 ? set.delete(set.context(), i, N1) : set);
    }
    bucket.put(bytes("never-written"), DottedVersionVectorSet.empty());
    BucketMerkleTree tree = new BucketMerkleTree(new TreeShape(4, 2));
    BitSet wanted = new BitSet();
    wanted.set(3);
    wanted.set(9);

    SegmentSource source = SegmentSource.scanning(tree.shape(), visitor -> bucket.forEach(visitor));
    List<KeyVersion> listed = source.entries(wanted);

    List<KeyVersion> expected = new ArrayList<>();
    bucket.forEach(
        (key, set) -> {
          if (wanted.get(tree.segmentOf(key)) && !set.equals(DottedVersionVectorSet.empty())) {
            expected.add(KeyVersion.of(key, VersionDigest.ofStored(set)));
          }
        });
    assertThat(expected).hasSizeBetween(30, 100); // 2 of 16 segments of 500 keys
    assertThat(listed).containsExactlyElementsOf(expected);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
