package dev.ringstore.node.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key of the {@code data} column family: the bucket as 2 bytes big-endian, then the user key.
 *
 * <pre>
 * +--------+--------+------------------------+
 * | bucket (u16 BE) | user key (0..n bytes)  |
 * +--------+--------+------------------------+
 * </pre>
 *
 * Keys order by unsigned bytes, as RocksDB's default comparator does, so a bucket's keys are one
 * contiguous range, from {@code [b]} (the bucket with the empty key) up to {@code [b+1]}. Also the
 * key of the in-memory engine's map, of the value cache and of the lock stripes.
 */
final class DataKey implements Comparable<DataKey> {
  /** Buckets are 0..65535: the most a ring allows ({@code RingSettings.MAX_BUCKETS}). */
  static final int MAX_BUCKET = 0xFFFF;

  static final int PREFIX_BYTES = 2;

  private final byte[] bytes;
  private final int hash;

  private DataKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  static DataKey of(int bucket, byte[] userKey) {
    checkBucket(bucket);
    Objects.requireNonNull(userKey, "key");
    byte[] bytes = new byte[PREFIX_BYTES + userKey.length];
    bytes[0] = (byte) (bucket >>> 8);
    bytes[1] = (byte) bucket;
    System.arraycopy(userKey, 0, bytes, PREFIX_BYTES, userKey.length);
    return new DataKey(bytes);
  }

  /** A key read back from storage; takes over {@code stored}. */
  static DataKey fromStored(byte[] stored) {
    if (stored.length < PREFIX_BYTES) {
      throw new StorageException("data key of " + stored.length + " bytes has no bucket prefix");
    }
    return new DataKey(stored);
  }

  /** The first key of {@code bucket}. */
  static DataKey bucketStart(int bucket) {
    return of(bucket, new byte[0]);
  }

  /** The first key after {@code bucket}, or null for the last bucket (nothing follows it). */
  static DataKey bucketEnd(int bucket) {
    checkBucket(bucket);
    return bucket == MAX_BUCKET ? null : bucketStart(bucket + 1);
  }

  static void checkBucket(int bucket) {
    if (bucket < 0 || bucket > MAX_BUCKET) {
      throw new IllegalArgumentException("bucket must be 0.." + MAX_BUCKET + ", got " + bucket);
    }
  }

  int bucket() {
    return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
  }

  byte[] userKey() {
    return Arrays.copyOfRange(bytes, PREFIX_BYTES, bytes.length);
  }

  /** The stored form, not copied: callers must not modify it. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public int compareTo(DataKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "DataKey{bucket " + bucket() + ", " + (bytes.length - PREFIX_BYTES) + " bytes}";
  }
}
