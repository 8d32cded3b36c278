package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TreeRebuildTest {
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 1);

  @Test
  void aTreeRebuiltFromTheStoredSetsEqualsTheOneKeptUpToDate() {
    TreeMap<byte[], DottedVersionVectorSet> store = new TreeMap<>(Arrays::compareUnsigned);
    BucketMerkleTree maintained = new BucketMerkleTree(TreeShape.DEFAULT);
    Random random = new Random(2);
    for (int write = 0; write < 20_000; write++) {
      byte[] key = bytes("key-" + random.nextInt(3000));
      DottedVersionVectorSet old = store.getOrDefault(key, DottedVersionVectorSet.empty());
      DottedVersionVectorSet updated =
          switch (random.nextInt(4)) {
            case 0 -> old.delete(old.context(), write, N1); // tombstones count
            case 1 -> DottedVersionVectorSet.empty(); // reaped
            default -> old.update(old.context(), bytes("v" + write), write, N1);
          };
      if (updated.equals(DottedVersionVectorSet.empty())) {
        store.remove(key);
      } else {
        store.put(key, updated);
      }
      maintained.update(key, VersionDigest.ofStored(old), VersionDigest.ofStored(updated));
    }
    TreeMap<byte[], byte[]> encoded = new TreeMap<>(Arrays::compareUnsigned);
    store.forEach((key, set) -> encoded.put(key, DottedVersionVectorSetCodec.encode(set)));

    BucketMerkleTree rebuilt = TreeRebuild.fromSorted(TreeShape.DEFAULT, encoded.entrySet());

    assertThat(rebuilt).isEqualTo(maintained);
    assertThat(rebuilt.rootHash()).isEqualTo(maintained.rootHash());
    assertThat(rebuilt.keyCount()).isEqualTo(store.size());
  }

  @Test
  void aScanResumesJustAfterTheLastKey() {
    TreeRebuild rebuild = new TreeRebuild(TreeShape.DEFAULT);
    assertThat(rebuild.resumeKey()).isEmpty();
    rebuild.add(bytes("ab"), encodedValue());
    assertThat(rebuild.resumeKey()).isEqualTo(new byte[] {'a', 'b', 0});
  }

  @Test
  void keysOutOfOrderAreRejected() {
    TreeRebuild rebuild = new TreeRebuild(TreeShape.DEFAULT);
    rebuild.add(new byte[] {(byte) 0x80}, encodedValue());
    assertThatThrownBy(() -> rebuild.add(new byte[] {0x7f}, encodedValue()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rebuild.add(new byte[] {(byte) 0x80}, encodedValue()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFinishedRebuildTakesNoMore() {
    TreeRebuild rebuild = new TreeRebuild(TreeShape.DEFAULT);
    BucketMerkleTree tree = rebuild.finish();
    assertThat(tree.keyCount()).isZero();
    assertThatThrownBy(() -> rebuild.add(bytes("k"), encodedValue()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static byte[] encodedValue() {
    return DottedVersionVectorSetCodec.encode(
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("v"), 1, N1));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
