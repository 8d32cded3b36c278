package dev.ringstore.config.raft;

import dev.ringstore.config.ReplicatedState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' replicated state: a list of longs that commands append to. A command is one long; its
 * reply is the list's new size; any query answers with the whole list.
 */
final class AppendOnlyLongs implements ReplicatedState {
  private List<Long> values = new ArrayList<>();
  private int restores;
  private int restoredSize = -1;

  static byte[] command(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  static long sizeIn(byte[] reply) {
    return ByteBuffer.wrap(reply).getLong();
  }

  static List<Long> decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<Long> out = new ArrayList<>(bytes.length / Long.BYTES);
    while (in.hasRemaining()) {
      out.add(in.getLong());
    }
    return out;
  }

  /** Appends the command's value; rejects (throws on) a negative one, as a buggy state might. */
  @Override
  public synchronized byte[] apply(byte[] command) {
    long value = ByteBuffer.wrap(command).getLong();
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    values.add(value);
    return ByteBuffer.allocate(Long.BYTES).putLong(values.size()).array();
  }

  @Override
  public synchronized byte[] query(byte[] query) {
    return snapshot();
  }

  @Override
  public synchronized byte[] snapshot() {
    ByteBuffer out = ByteBuffer.allocate(values.size() * Long.BYTES);
    values.forEach(out::putLong);
    return out.array();
  }

  @Override
  public synchronized void restore(byte[] snapshot) {
    values = decode(snapshot);
    restores++;
    restoredSize = values.size();
  }

  synchronized List<Long> values() {
    return List.copyOf(values);
  }

  synchronized int restores() {
    return restores;
  }

  /** How many values the last restored snapshot held; -1 before any. */
  synchronized int restoredSize() {
    return restoredSize;
  }
}
