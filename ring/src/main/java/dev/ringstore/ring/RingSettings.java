package dev.ringstore.ring;

/**
 * The fixed shape of a cluster's ring: how many buckets keys fall into, how many replicas each
 * bucket has, and how many virtual-node tokens each node places on the hash ring.
 *
 * <p>The bucket count is fixed when a cluster is created: changing it would move every key.
 *
 * @param buckets Q, a power of two from 1 to {@value #MAX_BUCKETS}
 * @param replicas N, the replication factor, from 1 to {@value #MAX_REPLICAS}
 * @param tokens T, virtual-node tokens per node, from 1 to {@value #MAX_TOKENS}
 */
public record RingSettings(int buckets, int replicas, int tokens) {
  public static final int DEFAULT_BUCKETS = 1024;
  public static final int MAX_BUCKETS = 65_536;
  public static final int DEFAULT_REPLICAS = 3;
  public static final int MAX_REPLICAS = 16;

  /** Chosen from the balance and movement measurements in docs/ring.md. */
  public static final int DEFAULT_TOKENS = 64;

  public static final int MAX_TOKENS = 1024;

  public static final RingSettings DEFAULTS =
      new RingSettings(DEFAULT_BUCKETS, DEFAULT_REPLICAS, DEFAULT_TOKENS);

  public RingSettings {
    if (buckets < 1 || buckets > MAX_BUCKETS || Integer.bitCount(buckets) != 1) {
      throw new InvalidRingException(
          "buckets must be a power of two from 1 to " + MAX_BUCKETS + ", not " + buckets);
    }
    if (replicas < 1 || replicas > MAX_REPLICAS) {
      throw new InvalidRingException(
          "replicas must be from 1 to " + MAX_REPLICAS + ", not " + replicas);
    }
    if (tokens < 1 || tokens > MAX_TOKENS) {
      throw new InvalidRingException("tokens must be from 1 to " + MAX_TOKENS + ", not " + tokens);
    }
  }

  /** The bucket a key falls into: the top log2(Q) bits of its ring position. */
  public int bucketOf(byte[] key) {
    int bits = Integer.numberOfTrailingZeros(buckets);
    return bits == 0 ? 0 : (int) (RingHash.ofKey(key) >>> (Long.SIZE - bits));
  }

  /**
   * Where a bucket starts on the ring (an unsigned 64-bit position). Bucket b holds the keys whose
   * position lies in [start(b), start(b + 1)); its preference walk starts here.
   */
  long bucketStart(int bucket) {
    int bits = Integer.numberOfTrailingZeros(buckets);
    return bits == 0 ? 0 : ((long) bucket) << (Long.SIZE - bits);
  }
}
