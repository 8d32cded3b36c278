package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BucketMerkleTreeTest {
  private static final VersionDigest V1 = new VersionDigest(1, 1);
  private static final VersionDigest V2 = new VersionDigest(2, 2);

  @Test
  void theDefaultShapeIsARootOver32NodesOver1024Leaves() {
    TreeShape shape = TreeShape.DEFAULT;
    assertThat(shape.leafLevel()).isEqualTo(2);
    assertThat(List.of(shape.size(0), shape.size(1), shape.size(2))).containsExactly(1, 32, 1024);
    assertThat(shape.firstChild(1, 3)).isEqualTo(96);
    assertThat(shape.endChild(1, 3)).isEqualTo(128);
  }

  @Test
  void anUnevenShapeGivesTheRootFewerChildren() {
    TreeShape shape = new TreeShape(10, 3);
    assertThat(shape.leafLevel()).isEqualTo(4);
    assertThat(List.of(shape.size(0), shape.size(1), shape.size(2), shape.size(3), shape.size(4)))
        .containsExactly(1, 2, 16, 128, 1024);
    assertThat(shape.endChild(0, 0)).isEqualTo(2);
  }

  @Test
  void theOrderOfWritesDoesNotMatter() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      order.add(i);
    }
    BucketMerkleTree forwards = treeOf(order);
    Collections.shuffle(order, new Random(1));
    BucketMerkleTree shuffled = treeOf(order);

    assertThat(shuffled).isEqualTo(forwards);
    assertThat(shuffled.rootHash()).isEqualTo(forwards.rootHash());
    assertThat(shuffled.keyCount()).isEqualTo(2000);
  }

  @Test
  void removingEveryKeyGivesBackTheEmptyTree() {
    BucketMerkleTree tree = treeOf(List.of(1, 2, 3));
    for (int i = 1; i <= 3; i++) {
      tree.update(key(i), V1, null);
    }
    assertThat(tree).isEqualTo(new BucketMerkleTree(TreeShape.DEFAULT));
    assertThat(tree.rootHash()).isEqualTo(new BucketMerkleTree(TreeShape.DEFAULT).rootHash());
  }

  @Test
  void aWriteChangesOneLeafAndItsAncestorsOnly() {
    BucketMerkleTree before = treeOf(List.of(1, 2, 3, 4, 5));
    BucketMerkleTree after = before.copy();
    after.update(key(3), V1, V2);

    for (int level = 0; level <= 2; level++) {
      assertThat(changedNodes(before.levelBytes(level), after.levelBytes(level))).isEqualTo(1);
    }
    assertThat(before.rootHash()).isNotEqualTo(after.rootHash());
  }

  @Test
  void aRepeatedInsertDoesNotCancelOut() {
    BucketMerkleTree twice = treeOf(List.of(7));
    twice.update(key(7), null, V1); // a hook that fired twice
    assertThat(twice.rootHash()).isNotEqualTo(new BucketMerkleTree(TreeShape.DEFAULT).rootHash());
  }

  @Test
  void aSavedTreeLoadsEqual() {
    BucketMerkleTree tree = treeOf(List.of(1, 2, 3));
    byte[] saved = tree.toBytes();

    BucketMerkleTree loaded = BucketMerkleTree.fromBytes(saved);

    assertThat(saved).hasSize(11 + 1024 * 16);
    assertThat(loaded).isEqualTo(tree);
    assertThat(loaded.rootHash()).isEqualTo(tree.rootHash());
    assertThat(loaded.keyCount()).isEqualTo(3);
    assertThatThrownBy(() -> BucketMerkleTree.fromBytes(new byte[] {1, 10, 5}))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = Arrays.copyOf(saved, saved.length - 1);
    assertThatThrownBy(() -> BucketMerkleTree.fromBytes(truncated))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysSpreadEvenlyOverTheSegments() {
    BucketMerkleTree tree = new BucketMerkleTree(TreeShape.DEFAULT);
    int[] perSegment = new int[1024];
    for (int i = 0; i < 102_400; i++) {
      perSegment[tree.segmentOf(key(i))]++;
    }
    // 100 a segment on average, a standard deviation of 10
    assertThat(Arrays.stream(perSegment).min().orElseThrow()).isGreaterThanOrEqualTo(50);
    assertThat(Arrays.stream(perSegment).max().orElseThrow()).isLessThanOrEqualTo(150);
  }

  private static BucketMerkleTree treeOf(List<Integer> keys) {
    BucketMerkleTree tree = new BucketMerkleTree(TreeShape.DEFAULT);
    keys.forEach(i -> tree.update(key(i), null, V1));
    return tree;
  }

  private static int changedNodes(byte[] a, byte[] b) {
    int changed = 0;
    for (int node = 0; node < a.length / TreeHash.BYTES; node++) {
      if (!Arrays.equals(a, node * 16, node * 16 + 16, b, node * 16, node * 16 + 16)) {
        changed++;
      }
    }
    return changed;
  }

  private static byte[] key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.UTF_8);
  }
}
