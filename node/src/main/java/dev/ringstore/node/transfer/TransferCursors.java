package dev.ringstore.node.transfer;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where each incoming bucket transfer has got to, kept in {@code meta} so a transfer resumes after
 * a restart of either side: per table version, bucket and old owner pulled from, the last key
 * received or "done" ({@code transfer.v<version>.b<bucket>.<owner>}), and per bucket "done" once
 * every live old owner was pulled ({@code transfer.v<version>.b<bucket>}). A new transfer version
 * starts from scratch.
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
    return load(name(version, bucket));
  }

  Cursor load(long version, int bucket, NodeId owner) {
    return load(name(version, bucket, owner));
  }

  private Cursor load(String name) {
    Optional<byte[]> stored = storage.meta(name);
    if (stored.isEmpty() || stored.get().length == 0) {
      return new Cursor(false, null);
    }
    byte[] bytes = stored.get();
    return bytes[0] == DONE
        ? new Cursor(true, null)
        : new Cursor(false, Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  void advance(long version, int bucket, NodeId owner, byte[] lastKey) {
    storage.putMeta(
        name(version, bucket, owner),
        ByteBuffer.allocate(1 + lastKey.length).put(IN_PROGRESS).put(lastKey).array());
  }

  void done(long version, int bucket) {
    storage.putMeta(name(version, bucket), new byte[] {DONE});
  }

  void done(long version, int bucket, NodeId owner) {
    storage.putMeta(name(version, bucket, owner), new byte[] {DONE});
  }

  private static String name(long version, int bucket, NodeId owner) {
    return name(version, bucket) + "." + owner.value();
  }

  private static String name(long version, int bucket) {
    return "transfer.v" + version + ".b" + bucket;
  }
}
