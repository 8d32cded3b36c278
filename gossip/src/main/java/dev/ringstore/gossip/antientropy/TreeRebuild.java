package dev.ringstore.gossip.antientropy;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link BucketMerkleTree} rebuilt from a scan of the bucket, possibly paced over many scans,
 * while writes go on: what a node does at start when it has no tree, and periodically to catch
 * silent corruption of the tree or the data.
 *
 * <p>Feed it the bucket's keys in {@code StorageEngine.scan} order with {@link #add}, resuming each
 * scan from {@link #resumeKey()}; report every write to the bucket meanwhile with {@link #write};
 * {@link #finish} then gives the tree of the bucket as it stands, equal to one kept up to date
 * write by write. A write to a key the scan has passed updates the tree at once. A write to a key
 * ahead of the scan is remembered, and wins over what the scan later reads for that key: a scan
 * reads a snapshot, which may predate the write. This holds if {@link #write} is called for every
 * write, per key in the order the store applied them (from within the store's per-key update, for
 * instance). Not thread-safe: the caller serialises {@link #add} and {@link #write}.
 */
public final class TreeRebuild {
  private final BucketMerkleTree tree;
  private final TreeMap<byte[], VersionDigest> ahead = new TreeMap<>(Arrays::compareUnsigned);
  private byte[] cursor;
  private boolean finished;

  /** A rebuild into an empty tree of {@code shape}. */
  public TreeRebuild(TreeShape shape) {
    this.tree = new BucketMerkleTree(shape);
  }

  /** Rebuilds in one go from entries of (key, encoded set) in strictly increasing key order. */
  public static BucketMerkleTree fromSorted(
      TreeShape shape, Iterable<Map.Entry<byte[], byte[]>> entries) {
    TreeRebuild rebuild = new TreeRebuild(shape);
    entries.forEach(entry -> rebuild.add(entry.getKey(), entry.getValue()));
    return rebuild.finish();
  }

  /** The next key of the scan, with its set as stored (encoded). */
  public void add(byte[] key, byte[] encodedSet) {
    add(key, VersionDigest.of(encodedSet));
  }

  /** The next key of the scan, with its set; an empty set (not stored) adds nothing. */
  public void add(byte[] key, DottedVersionVectorSet set) {
    add(key, VersionDigest.ofStored(set));
  }

  /**
   * The next key of the scan, with the digest of its set; {@code null} (not stored) adds nothing.
   */
  public void add(byte[] key, VersionDigest scanned) {
    checkOpen();
    if (cursor != null && Arrays.compareUnsigned(key, cursor) <= 0) {
      throw new IllegalArgumentException("keys must come in increasing order");
    }
    passAheadKeysBefore(key);
    VersionDigest digest = ahead.containsKey(key) ? ahead.remove(key) : scanned;
    tree.update(key, null, digest);
    cursor = key.clone();
  }

  /** Keys written ahead of the scan that the scan has now passed without seeing them. */
  private void passAheadKeysBefore(byte[] key) {
    Map<byte[], VersionDigest> passed = ahead.headMap(key, false);
    passed.forEach((written, digest) -> tree.update(written, null, digest));
    passed.clear();
  }

  /** A write to the bucket during the rebuild, with the key's digests before and after. */
  public void write(byte[] key, VersionDigest oldDigest, VersionDigest newDigest) {
    checkOpen();
    if (cursor != null && Arrays.compareUnsigned(key, cursor) <= 0) {
      tree.update(key, oldDigest, newDigest);
    } else {
      ahead.put(key.clone(), newDigest);
    }
  }

  /** Where the next scan starts: just after the last key added ({@code fromKey} of the scan). */
  public byte[] resumeKey() {
    return cursor == null ? new byte[0] : Arrays.copyOf(cursor, cursor.length + 1);
  }

  /** The tree, once the scan has visited the whole bucket. Call once. */
  public BucketMerkleTree finish() {
    checkOpen();
    ahead.forEach((written, digest) -> tree.update(written, null, digest));
    ahead.clear();
    finished = true;
    return tree;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the rebuild is finished");
    }
  }
}
