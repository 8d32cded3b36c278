package dev.ringstore.gossip.antientropy;

import dev.ringstore.gossip.antientropy.AntiEntropyMessage.NodeHashes;
import java.util.ArrayList;
import java.util.List;

/** One step down the tree: which of the received children differ from this replica's. */
final class LevelComparison {
  private LevelComparison() {}

  /**
   * The indices (on {@code nodes.level()}) of the children whose received hash differs from this
   * tree's, in increasing order.
   *
   * @throws InvalidAntiEntropyMessageException if the message does not fit the tree's shape
   */
  static List<Integer> differingChildren(BucketMerkleTree tree, NodeHashes nodes) {
    TreeShape shape = tree.shape();
    int level = nodes.level();
    if (level < 1 || level > shape.leafLevel()) {
      throw new InvalidAntiEntropyMessageException("no level " + level + " below the root");
    }
    List<Integer> parents = nodes.parents();
    checkIndices(shape, level - 1, parents);
    List<TreeHash> hashes = nodes.hashes();
    int expected = 0;
    for (int parent : parents) {
      expected += shape.endChild(level - 1, parent) - shape.firstChild(level - 1, parent);
    }
    if (hashes.size() != expected) {
      throw new InvalidAntiEntropyMessageException(
          hashes.size() + " hashes for " + expected + " children");
    }
    List<Integer> differing = new ArrayList<>();
    int next = 0;
    for (int parent : parents) {
      for (int c = shape.firstChild(level - 1, parent);
          c < shape.endChild(level - 1, parent);
          c++) {
        if (!hashes.get(next++).equals(tree.hash(level, c))) {
          differing.add(c);
        }
      }
    }
    return differing;
  }

  /** Checks that {@code indices} are strictly increasing nodes of {@code level}. */
  static void checkIndices(TreeShape shape, int level, List<Integer> indices) {
    int previous = -1;
    for (int index : indices) {
      if (index <= previous || index >= shape.size(level)) {
        throw new InvalidAntiEntropyMessageException(
            "node " + index + " of level " + level + " is out of order or beyond the tree");
      }
      previous = index;
    }
  }
}
