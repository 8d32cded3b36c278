package dev.ringstore.node.transfer;

import dev.ringstore.node.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where each incoming bucket transfer has got to, kept in {@code meta} so a transfer resumes after
 * a restart of either side: per table version and bucket, the last key received, or "done". Named
 * {@code transfer.v<version>.b<bucket>}; a new transfer version starts from scratch.
 */
final class TransferCursors {
  private static final byte IN_PROGRESS = 0;
  private static final byte DONE = 1;

  /** A bucket's progress: done, or the last key received (null: nothing yet). */
  record Cursor(boolean done, byte[] after) {}

  private final StorageEngine storage;

  TransferCursors(StorageEngine storage) {
    this.storage = storage;
  }

  Cursor load(long version, int bucket) {
    Optional<byte[]> stored = storage.meta(name(version, bucket));
    if (stored.isEmpty() || stored.get().length == 0) {
      return new Cursor(false, null);
    }
    byte[] bytes = stored.get();
    return bytes[0] == DONE
        ? new Cursor(true, null)
        : new Cursor(false, Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  void advance(long version, int bucket, byte[] lastKey) {
    storage.putMeta(
        name(version, bucket),
        ByteBuffer.allocate(1 + lastKey.length).put(IN_PROGRESS).put(lastKey).array());
  }

  void done(long version, int bucket) {
    storage.putMeta(name(version, bucket), new byte[] {DONE});
  }

  private static String name(long version, int bucket) {
    return "transfer.v" + version + ".b" + bucket;
  }
}
