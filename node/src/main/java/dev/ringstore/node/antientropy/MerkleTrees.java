package dev.ringstore.node.antientropy;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.gossip.antientropy.BucketMerkleTree;
import dev.ringstore.gossip.antientropy.SegmentSource;
import dev.ringstore.gossip.antientropy.TreeHash;
import dev.ringstore.gossip.antientropy.TreeRebuild;
import dev.ringstore.gossip.antientropy.TreeShape;
import dev.ringstore.gossip.antientropy.VersionDigest;
import dev.ringstore.node.coordinator.WriteObserver;
import dev.ringstore.node.storage.StorageEngine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * This node's Merkle trees, one per bucket, kept in step with its data: every write and repair
 * reports the key's old and new set ({@link #onWrite}, called once the write is stored; a tree adds
 * and subtracts digests, so the order of reports does not matter). Trees live in memory and are
 * rebuilt from a scan of the bucket the first time an exchange needs them; a write to a bucket
 * whose tree is not built yet costs nothing.
 */
public final class MerkleTrees implements WriteObserver {
  private final StorageEngine storage;
  private final TreeShape shape;
  private final AtomicReferenceArray<BucketMerkleTree> trees;
  private final AtomicLongArray builtAt;
  private final InstantSource clock;
  private final Duration maxAge;
  private final Runnable onRebuild;

  /**
   * @param maxAge a tree older than this is rebuilt from storage the next time an exchange needs
   *     it, which catches what the write hook cannot see (a disk that silently corrupted data); the
   *     rebuilds are paced by the exchanges themselves, one bucket at a time
   * @param onRebuild told of every build, for the metrics
   */
  public MerkleTrees(
      StorageEngine storage,
      int buckets,
      TreeShape shape,
      InstantSource clock,
      Duration maxAge,
      Runnable onRebuild) {
    this.storage = storage;
    this.shape = shape;
    this.trees = new AtomicReferenceArray<>(buckets);
    this.builtAt = new AtomicLongArray(buckets);
    this.clock = clock;
    this.maxAge = maxAge;
    this.onRebuild = onRebuild;
  }

  @Override
  public void onWrite(
      int bucket, byte[] key, DottedVersionVectorSet before, DottedVersionVectorSet after) {
    BucketMerkleTree tree = trees.get(bucket);
    if (tree != null) {
      // Digests are kept with their sets: "before" is the set the previous write stored, whose
      // digest that write computed. Equal digests change nothing.
      tree.update(key, VersionDigest.ofStored(before), VersionDigest.ofStored(after));
    }
  }

  /**
   * The bucket's tree, built from a scan on first use. Blocking. A write that races the build (it
   * lands after the scan passed its key but before the tree is published) leaves the tree one key
   * stale; the next exchange finds that key, finds nothing to repair, and the runner forgets the
   * tree so it is rebuilt — a stale tree costs one spurious exchange, never a missed repair for
   * long.
   */
  public BucketMerkleTree tree(int bucket) {
    BucketMerkleTree tree = trees.get(bucket);
    if (tree != null && !tooOld(bucket)) {
      return tree;
    }
    synchronized (this) {
      tree = trees.get(bucket);
      if (tree == null || tooOld(bucket)) {
        TreeRebuild rebuild = new TreeRebuild(shape);
        storage.scan(bucket, rebuild::add);
        tree = rebuild.finish();
        trees.set(bucket, tree);
        builtAt.set(bucket, clock.millis());
        onRebuild.run();
      }
      return tree;
    }
  }

  /**
   * The root of the bucket's tree if it is built and not too old; empty when only an exchange
   * (which builds it) can say what the bucket holds. Never blocks on storage.
   */
  public Optional<TreeHash> currentRoot(int bucket) {
    BucketMerkleTree tree = trees.get(bucket);
    return tree == null || tooOld(bucket) ? Optional.empty() : Optional.of(tree.rootHash());
  }

  public TreeShape shape() {
    return shape;
  }

  private boolean tooOld(int bucket) {
    return clock.millis() - builtAt.get(bucket) > maxAge.toMillis();
  }

  /** Forgets a tree, so the next exchange rebuilds it from storage (a periodic check). */
  public void forget(int bucket) {
    trees.set(bucket, null);
  }

  /** Where an exchange reads the keys of differing segments: a scan of the bucket. */
  public SegmentSource source(int bucket) {
    return SegmentSource.scanning(shape, visitor -> storage.scan(bucket, visitor));
  }
}
