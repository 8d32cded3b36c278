package dev.ringstore.gossip.antientropy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * The Merkle tree of one bucket of one replica: a fingerprint of every (key, {@link VersionDigest})
 * pair the replica stores for the bucket, tombstones included, that two replicas compare top-down
 * to find the few keys they disagree on without sending the rest.
 *
 * <p>Design note. This is the anti-entropy of Dynamo (DeCandia et al., SOSP 2007, §4.7) over
 * Merkle's hash trees (Merkle, "A Digital Signature Based on a Conventional Encryption Function",
 * CRYPTO 1987), with the shape Riak's hashtree and Cassandra's repair use rather than a tree over
 * key ranges: the tree is fixed (see {@link TreeShape}), a key's leaf (segment) is chosen by a hash
 * of the key, so keys spread evenly whatever their names and inserts never rebalance anything. A
 * leaf's hash is the sum of its keys' entry hashes ({@code murmur3(digest · key)}), each 64-bit
 * half modulo 2^64: the additive set hash of Bellare and Micciancio ("A New Paradigm for
 * Collision-Free Hashing", EUROCRYPT 1997). A sum does not depend on the order keys were added, so
 * a write costs O(1) — subtract the old entry, add the new — and a tree rebuilt from a scan equals
 * the one kept up to date write by write. Unlike XOR, adding the same entry twice does not cancel
 * it, so a hook that fires twice shows as a difference instead of hiding one. Inner nodes hash
 * their children's hashes with murmur3; they are recomputed lazily, only along paths a write
 * touched, when a hash above the leaves is next read.
 *
 * <p>The tree holds hashes, not keys: finding which keys of a differing segment differ needs the
 * replica's keys ({@link SegmentSource}). Thread-safe; the caller keeps it in step with the store,
 * calling {@link #update} with the old and new digest of every write and repair.
 */
public final class BucketMerkleTree {
  private static final int FORMAT_VERSION = 1;
  private static final int HEADER_BYTES = 3 + Long.BYTES;

  private final TreeShape shape;
  private final long[][] levels;
  private final BitSet[] dirty;
  private long keyCount;

  /** An empty tree: no keys. */
  public BucketMerkleTree(TreeShape shape) {
    this.shape = Objects.requireNonNull(shape, "shape");
    int leafLevel = shape.leafLevel();
    levels = new long[leafLevel + 1][];
    dirty = new BitSet[leafLevel];
    for (int level = 0; level <= leafLevel; level++) {
      levels[level] = new long[2 * shape.size(level)];
      if (level < leafLevel) {
        dirty[level] = new BitSet(shape.size(level));
        dirty[level].set(0, shape.size(level));
      }
    }
  }

  public TreeShape shape() {
    return shape;
  }

  /** The leaf that holds {@code key}. */
  public int segmentOf(byte[] key) {
    return shape.segmentOf(TreeHashing.keyHash(key));
  }

  /**
   * Records that the replica's version of {@code key} changed from {@code oldDigest} to {@code
   * newDigest}; {@code null} stands for "not stored" on either side. O(1).
   */
  public void update(byte[] key, VersionDigest oldDigest, VersionDigest newDigest) {
    if (Objects.equals(oldDigest, newDigest)) {
      return;
    }
    int segment = segmentOf(key); // hash outside the lock
    TreeHash removed = oldDigest == null ? TreeHash.ZERO : TreeHashing.entryHash(key, oldDigest);
    TreeHash added = newDigest == null ? TreeHash.ZERO : TreeHashing.entryHash(key, newDigest);
    int keys = (newDigest == null ? 0 : 1) - (oldDigest == null ? 0 : 1);
    synchronized (this) {
      long[] leaves = levels[shape.leafLevel()];
      leaves[2 * segment] += added.high() - removed.high();
      leaves[2 * segment + 1] += added.low() - removed.low();
      keyCount += keys;
      int index = segment;
      for (int level = shape.leafLevel() - 1; level >= 0; level--) {
        index >>= shape.fanoutBits();
        if (dirty[level].get(index)) {
          break; // its ancestors are dirty already
        }
        dirty[level].set(index);
      }
    }
  }

  /** The hash of the whole tree: equal on two replicas that hold the same versions. */
  public TreeHash rootHash() {
    return hash(0, 0);
  }

  /** The hash of node {@code index} of {@code level}. */
  public synchronized TreeHash hash(int level, int index) {
    shape.checkLevel(level);
    refresh();
    long[] hashes = levels[level];
    return new TreeHash(hashes[2 * index], hashes[2 * index + 1]);
  }

  /** How many keys the tree holds: updates that added a digest minus those that removed one. */
  public synchronized long keyCount() {
    return keyCount;
  }

  /** The hashes of {@code level}, {@link TreeHash#BYTES} each, in node order. */
  public synchronized byte[] levelBytes(int level) {
    shape.checkLevel(level);
    refresh();
    ByteBuffer out = ByteBuffer.allocate(levels[level].length * Long.BYTES);
    out.asLongBuffer().put(levels[level]);
    return out.array();
  }

  /**
   * The tree as bytes, to keep it across a restart: a format byte, the shape's two numbers, the key
   * count (8 bytes) and the leaves ({@link #levelBytes} of the leaf level). Inner nodes are
   * recomputed on load.
   */
  public synchronized byte[] toBytes() {
    long[] leaves = levels[shape.leafLevel()];
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + leaves.length * Long.BYTES);
    out.put((byte) FORMAT_VERSION).put((byte) shape.segmentBits()).put((byte) shape.fanoutBits());
    out.putLong(keyCount);
    out.asLongBuffer().put(leaves);
    return out.array();
  }

  /**
   * The tree {@link #toBytes} wrote.
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly such a tree
   */
  public static BucketMerkleTree fromBytes(byte[] bytes) {
    if (bytes.length < HEADER_BYTES || bytes[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("not a format-1 Merkle tree");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.get();
    BucketMerkleTree tree = new BucketMerkleTree(new TreeShape(in.get(), in.get()));
    tree.keyCount = in.getLong();
    long[] leaves = tree.levels[tree.shape.leafLevel()];
    if (in.remaining() != leaves.length * Long.BYTES) {
      throw new IllegalArgumentException(
          "a tree of " + tree.shape + " has " + leaves.length * Long.BYTES + " bytes of leaves");
    }
    in.asLongBuffer().get(leaves);
    return tree;
  }

  /** An independent tree with the same contents. */
  public synchronized BucketMerkleTree copy() {
    return fromBytes(toBytes());
  }

  private void refresh() {
    for (int level = shape.leafLevel() - 1; level >= 0; level--) {
      long[] hashes = levels[level];
      long[] children = levels[level + 1];
      BitSet stale = dirty[level];
      for (int i = stale.nextSetBit(0); i >= 0; i = stale.nextSetBit(i + 1)) {
        TreeHash hash =
            TreeHashing.innerHash(children, shape.firstChild(level, i), shape.endChild(level, i));
        hashes[2 * i] = hash.high();
        hashes[2 * i + 1] = hash.low();
      }
      stale.clear();
    }
  }

  /** Trees are equal when they have the same shape, key count and leaves. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BucketMerkleTree other && Arrays.equals(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "BucketMerkleTree{" + shape + ", keys=" + keyCount() + ", root=" + rootHash() + "}";
  }
}
