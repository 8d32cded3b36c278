package dev.ringstore.gossip.antientropy;

/**
 * How many (key, digest) entries one exchange message may carry: well inside a protocol frame (9
 * MiB by default), whatever the bucket holds. Segments left out differ again at the next exchange.
 */
final class EntryBudget {
  /** The entry bytes one message may carry. */
  static final long MAX_BYTES = 8L << 20;

  /** Bytes per entry beyond its key: the digest and the length prefix, rounded up. */
  private static final int ENTRY_OVERHEAD_BYTES = VersionDigest.BYTES + 8;

  private EntryBudget() {}

  static long bytes(KeyVersion entry) {
    return entry.keyUnsafe().length + ENTRY_OVERHEAD_BYTES;
  }
}
