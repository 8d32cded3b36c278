package dev.ringstore.gossip.antientropy;

/**
 * The fixed shape of a {@link BucketMerkleTree}: {@code 2^segmentBits} leaves (segments), and inner
 * nodes with {@code 2^fanoutBits} children each, so the tree has {@code ceil(segmentBits /
 * fanoutBits)} levels below the root. Two replicas can compare trees only if their shapes are
 * equal; the shape travels in the first message of every exchange.
 *
 * <p>Levels count from the root (level 0) down to the leaves (level {@link #leafLevel()}). Node
 * {@code i} of level {@code l > 0} is a child of node {@code i >> fanoutBits} of level {@code l -
 * 1}; only the root may have fewer than {@code 2^fanoutBits} children, when {@code segmentBits} is
 * not a multiple of {@code fanoutBits}.
 *
 * <p>The {@link #DEFAULT} shape, 1,024 segments under two levels of 32, suits the buckets the
 * cluster expects (1,024 buckets, so a bucket of about 1,000 keys per million stored): about one
 * key per segment, 17 KiB of hashes per bucket, and a single differing key costs two 512-byte
 * levels. docs/anti-entropy.md weighs the alternatives.
 */
public record TreeShape(int segmentBits, int fanoutBits) {
  /** 2^10 segments, fan-out 2^5: root, 32 inner nodes, 1,024 leaves. */
  public static final TreeShape DEFAULT = new TreeShape(10, 5);

  /** The most segments a tree may have: 2^20, 16 MiB of leaf hashes. */
  public static final int MAX_SEGMENT_BITS = 20;

  /** The widest fan-out: 2^8 children, a 4 KiB message per differing inner node. */
  public static final int MAX_FANOUT_BITS = 8;

  public TreeShape {
    if (segmentBits < 1 || segmentBits > MAX_SEGMENT_BITS) {
      throw new IllegalArgumentException(
          "segmentBits is 1.." + MAX_SEGMENT_BITS + ": " + segmentBits);
    }
    if (fanoutBits < 1 || fanoutBits > MAX_FANOUT_BITS) {
      throw new IllegalArgumentException("fanoutBits is 1.." + MAX_FANOUT_BITS + ": " + fanoutBits);
    }
  }

  /** The number of leaves. */
  public int segments() {
    return 1 << segmentBits;
  }

  /** The level of the leaves; the root is level 0. */
  public int leafLevel() {
    return (segmentBits + fanoutBits - 1) / fanoutBits;
  }

  /** The number of nodes on {@code level}. */
  public int size(int level) {
    checkLevel(level);
    return 1 << Math.max(0, segmentBits - (leafLevel() - level) * fanoutBits);
  }

  /** The first child (on {@code level + 1}) of node {@code index} of {@code level}. */
  public int firstChild(int level, int index) {
    return index << fanoutBits;
  }

  /** One past the last child (on {@code level + 1}) of node {@code index} of {@code level}. */
  public int endChild(int level, int index) {
    return Math.min((index + 1) << fanoutBits, size(level + 1));
  }

  /**
   * The segment of a key whose {@link TreeHashing#keyHash key hash} is {@code keyHash}: its top
   * bits.
   */
  int segmentOf(long keyHash) {
    return (int) (keyHash >>> (Long.SIZE - segmentBits));
  }

  @Override
  public String toString() {
    return "2^" + segmentBits + " segments, fan-out 2^" + fanoutBits;
  }

  void checkLevel(int level) {
    if (level < 0 || level > leafLevel()) {
      throw new IllegalArgumentException("level is 0.." + leafLevel() + ": " + level);
    }
  }
}
