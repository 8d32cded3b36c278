package dev.ringstore.node.storage;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.protocol.ProtocolLimits;

/**
 * The most one key may hold, whatever writes it: a client, a replica merge, read repair, a hint,
 * anti-entropy or a transfer. Every copy of a key must fit in one frame with its key and the
 * message around it, or it could be stored here and then never be replicated, read, repaired,
 * hinted or transferred. A write whose result would be larger is refused before anything is applied
 * ({@link StoredSetTooLargeException}); the copy stays as it was.
 */
public final class StoredSetLimits {
  /** Room in a frame for a key (at most 64 KiB) and the message around the set. */
  static final int FRAME_OVERHEAD_BYTES = 64 * 1024 + 4 * 1024;

  /** The largest encoded set: a frame less its overhead, about 8.93 MiB by default. */
  public static final int MAX_SET_BYTES =
      ProtocolLimits.MAX_FRAME_BYTES_DEFAULT - FRAME_OVERHEAD_BYTES;

  /** The most siblings a key may hold, merges included (clients are held to fewer). */
  public static final int MAX_SIBLINGS = 1_000;

  private StoredSetLimits() {}

  /** Refuses {@code next}, encoded in {@code bytes}, when it is over a limit. */
  static void check(DottedVersionVectorSet next, int bytes) {
    if (bytes > MAX_SET_BYTES || next.size() > MAX_SIBLINGS) {
      throw new StoredSetTooLargeException(next.size(), bytes);
    }
  }
}
