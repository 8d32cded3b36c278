package dev.ringstore.node.storage;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.VersionVector;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.random.RandomGenerator;

/**
 * Which actor this node coordinates a write of a key with: Riak 2.1's per-key epochs, the fix for
 * kv679. An actor may hand out a dot only if every dot it handed out for that key before is in the
 * local copy the new dot is computed from; otherwise a replica that holds the old, higher counter
 * takes the new write for one it has already seen and drops it, while acknowledging it.
 *
 * <p>The actors of this data directory are numbered from a random base, in order of issue. A number
 * is <em>valid</em> for a key of bucket b while nothing since its issue can have removed the key's
 * local copy: it is at least the directory's floor (raised when an ASYNC session ended uncleanly)
 * and at least b's floor (raised, before the delete, whenever the bucket is dropped). A write uses
 * the newest valid actor of this node in the key's local context; if there is none — the key is new
 * here, was dropped or reaped, or only ever written elsewhere — it takes a fresh number. A key's
 * context so gains one actor of this node per loss of its local copy, not one per write.
 *
 * <p>Numbers are leased {@value #LEASE} at a time, the lease's end synced to the {@code meta}
 * column family before any number in it is issued, so a crash never issues a number twice.
 */
public final class CoordinatorActors {
  static final long LEASE = 1 << 16;
  static final String FLOOR = NodeIdentity.RESERVED_PREFIX + "actor-floor";
  static final String LEASED = NodeIdentity.RESERVED_PREFIX + "actor-leased";
  static final String BUCKET_FLOORS = NodeIdentity.RESERVED_PREFIX + "bucket-floors";

  /** The synced {@code meta} values this bookkeeping lives in. */
  interface Meta {
    Optional<byte[]> get(String name);

    void put(String name, byte[] value);
  }

  private final NodeId node;
  private final Meta meta;
  private final long floor;
  private final Map<Integer, Long> bucketFloors;
  private long next;
  private long leased;

  private CoordinatorActors(
      NodeId node, Meta meta, long floor, Map<Integer, Long> bucketFloors, long next) {
    this.node = node;
    this.meta = meta;
    this.floor = floor;
    this.bucketFloors = bucketFloors;
    this.next = next;
    this.leased = next;
  }

  /**
   * Opens the bookkeeping of a session whose identity came about as {@code origin}: a new directory
   * (or one written before actors were numbered) starts at a random base; after an unclean ASYNC
   * session every number issued before is invalid.
   */
  static CoordinatorActors open(
      NodeId node, Meta meta, NodeIdentity.Origin origin, RandomGenerator random) {
    Optional<Long> leasedBefore = meta.get(LEASED).map(CoordinatorActors::toLong);
    long floor;
    long next;
    if (leasedBefore.isEmpty()) {
      // Far from 0 and from overflow: 2^32 .. 2^62, so a directory issues 2^62 numbers at least.
      floor = random.nextLong(1L << 32, 1L << 62);
      next = floor;
    } else {
      next = leasedBefore.get();
      floor =
          origin == NodeIdentity.Origin.NEW_AFTER_UNCLEAN_SHUTDOWN
              ? next
              : meta.get(FLOOR).map(CoordinatorActors::toLong).orElse(next);
    }
    meta.put(FLOOR, toBytes(floor));
    CoordinatorActors actors =
        new CoordinatorActors(node, meta, floor, readBucketFloors(meta), next);
    actors.extendLease();
    return actors;
  }

  /** The actor to coordinate a write with, given the key's local context in bucket {@code b}. */
  public synchronized ActorId forWrite(int bucket, VersionVector localContext) {
    long lowest = Math.max(floor, bucketFloors.getOrDefault(bucket, floor));
    SortedMap<ActorId, Long> mine =
        localContext.asMap().subMap(new ActorId(node, lowest), new ActorId(node, next));
    if (!mine.isEmpty()) {
      return mine.lastKey();
    }
    if (next == leased) {
      extendLease();
    }
    return new ActorId(node, next++);
  }

  /**
   * Makes every actor issued so far invalid for {@code bucket}: called, and synced, before the
   * bucket's data is deleted.
   */
  public synchronized void bucketDropped(int bucket) {
    bucketFloors.put(bucket, next);
    ByteBuffer out = ByteBuffer.allocate(bucketFloors.size() * (Integer.BYTES + Long.BYTES));
    bucketFloors.forEach((b, value) -> out.putInt(b).putLong(value));
    meta.put(BUCKET_FLOORS, out.array());
  }

  private void extendLease() {
    leased = next + LEASE;
    meta.put(LEASED, toBytes(leased));
  }

  private static Map<Integer, Long> readBucketFloors(Meta meta) {
    Map<Integer, Long> floors = new HashMap<>();
    meta.get(BUCKET_FLOORS)
        .map(ByteBuffer::wrap)
        .ifPresent(
            in -> {
              while (in.remaining() >= Integer.BYTES + Long.BYTES) {
                floors.put(in.getInt(), in.getLong());
              }
            });
    return floors;
  }

  private static long toLong(byte[] bytes) {
    if (bytes.length != Long.BYTES) {
      throw new StorageException("a meta counter is " + bytes.length + " bytes, not 8");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  private static byte[] toBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }
}
