package dev.ringstore.gossip.antientropy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A replica for tests: per bucket, the stored keys with their digests (in key order, as the storage
 * engine keeps them) and the Merkle tree kept up to date with every put, as the node's write hook
 * will. Each key remembers its segment so that a segment lookup needs no hashing.
 */
final class MemoryReplica {
  private record Stored(VersionDigest digest, int segment) {}

  private final TreeShape shape;
  private final Map<Integer, TreeMap<byte[], Stored>> data = new HashMap<>();
  private final Map<Integer, BucketMerkleTree> trees = new HashMap<>();

  MemoryReplica(TreeShape shape) {
    this.shape = shape;
  }

  /** Stores {@code digest} for {@code key}, or removes the key when it is {@code null}. */
  void put(int bucket, byte[] key, VersionDigest digest) {
    BucketMerkleTree tree = tree(bucket);
    TreeMap<byte[], Stored> keys = data.computeIfAbsent(bucket, b -> newMap());
    Stored old =
        digest == null ? keys.remove(key) : keys.put(key, new Stored(digest, tree.segmentOf(key)));
    tree.update(key, old == null ? null : old.digest(), digest);
  }

  VersionDigest get(int bucket, byte[] key) {
    Stored stored = data.getOrDefault(bucket, newMap()).get(key);
    return stored == null ? null : stored.digest();
  }

  /** The buckets this replica has a tree for, in order. */
  SortedSet<Integer> buckets() {
    return new TreeSet<>(trees.keySet());
  }

  BucketMerkleTree tree(int bucket) {
    return trees.computeIfAbsent(bucket, b -> new BucketMerkleTree(shape));
  }

  /** The bucket's keys of the wanted segments, as a node's source would list them. */
  SegmentSource source(int bucket) {
    return segments -> {
      List<KeyVersion> entries = new ArrayList<>();
      data.getOrDefault(bucket, newMap())
          .forEach(
              (key, stored) -> {
                if (segments.get(stored.segment())) {
                  entries.add(KeyVersion.of(key, stored.digest()));
                }
              });
      return entries;
    };
  }

  /** Every (key, digest) of the bucket in key order. */
  List<KeyVersion> entries(int bucket) {
    List<KeyVersion> entries = new ArrayList<>();
    data.getOrDefault(bucket, newMap())
        .forEach((key, stored) -> entries.add(KeyVersion.of(key, stored.digest())));
    return entries;
  }

  /** An independent replica with the same data and trees. */
  MemoryReplica copy() {
    MemoryReplica copy = new MemoryReplica(shape);
    data.forEach((bucket, keys) -> copy.data.put(bucket, new TreeMap<>(keys)));
    trees.forEach((bucket, tree) -> copy.trees.put(bucket, tree.copy()));
    return copy;
  }

  /** What an exchange of {@code bucket} should find, as {@code this} side sees it. */
  List<KeyDifference> differencesFrom(MemoryReplica other, int bucket) {
    TreeMap<byte[], Boolean> keys = new TreeMap<>(Arrays::compareUnsigned);
    data.getOrDefault(bucket, newMap()).keySet().forEach(key -> keys.put(key, true));
    other.data.getOrDefault(bucket, newMap()).keySet().forEach(key -> keys.put(key, true));
    List<KeyDifference> differences = new ArrayList<>();
    for (byte[] key : keys.keySet()) {
      VersionDigest mine = get(bucket, key);
      VersionDigest theirs = other.get(bucket, key);
      if (!Objects.equals(mine, theirs)) {
        differences.add(new KeyDifference(key, mine, theirs));
      }
    }
    return differences;
  }

  private static TreeMap<byte[], Stored> newMap() {
    return new TreeMap<>(Arrays::compareUnsigned);
  }
}
