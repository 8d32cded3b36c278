/**
 * Merkle-tree anti-entropy (Dynamo, DeCandia et al. 2007, §4.7): how two replicas of a bucket find
 * the keys they disagree on, at a cost that grows with the differences rather than with the data.
 *
 * <p>The pure core, with no threads, clock or I/O of its own. A node keeps one {@link
 * dev.ringstore.gossip.antientropy.BucketMerkleTree} per bucket it holds, updated with the {@link
 * dev.ringstore.gossip.antientropy.VersionDigest}s before and after every write and repair, or
 * rebuilt from a scan with {@link dev.ringstore.gossip.antientropy.TreeRebuild}. To compare a
 * bucket with a peer, it runs an {@link dev.ringstore.gossip.antientropy.AntiEntropySession} on
 * each side, carrying the {@link dev.ringstore.gossip.antientropy.AntiEntropyMessage}s as bytes
 * ({@link dev.ringstore.gossip.antientropy.AntiEntropyMessageCodec}), and repairs the {@link
 * dev.ringstore.gossip.antientropy.KeyDifference}s both sides end with. docs/anti-entropy.md
 * describes the tree, the exchange and its measured cost.
 */
package dev.ringstore.gossip.antientropy;
