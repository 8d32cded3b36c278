package dev.ringstore.bench.compare;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;

/**
 * A YCSB database that times every call of the binding it wraps into a {@link PhaseRecorder} and
 * notes, for the transaction in progress on this thread, whether any call failed — what YCSB's own
 * DBWrapper does, but with a measured window that opens after the warm-up.
 */
final class MeasuredDb extends DB {
  private final DB binding;
  private final PhaseRecorder recorder;
  private boolean failedSinceMark;

  MeasuredDb(DB binding, PhaseRecorder recorder) {
    this.binding = binding;
    this.recorder = recorder;
  }

  /** Whether a call failed since the last call of this method (one thread per instance). */
  boolean takeFailure() {
    boolean failed = failedSinceMark;
    failedSinceMark = false;
    return failed;
  }

  @Override
  public void init() throws DBException {
    binding.setProperties(getProperties());
    binding.init();
  }

  @Override
  public void cleanup() throws DBException {
    binding.cleanup();
  }

  @Override
  public Status read(
      String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
    long start = System.nanoTime();
    return timed("READ", start, binding.read(table, key, fields, result));
  }

  @Override
  public Status scan(
      String table,
      String startkey,
      int recordcount,
      Set<String> fields,
      Vector<HashMap<String, ByteIterator>> result) {
    long start = System.nanoTime();
    return timed("SCAN", start, binding.scan(table, startkey, recordcount, fields, result));
  }

  @Override
  public Status update(String table, String key, Map<String, ByteIterator> values) {
    long start = System.nanoTime();
    return timed("UPDATE", start, binding.update(table, key, values));
  }

  @Override
  public Status insert(String table, String key, Map<String, ByteIterator> values) {
    long start = System.nanoTime();
    return timed("INSERT", start, binding.insert(table, key, values));
  }

  @Override
  public Status delete(String table, String key) {
    long start = System.nanoTime();
    return timed("DELETE", start, binding.delete(table, key));
  }

  private Status timed(String kind, long startNanos, Status status) {
    boolean failed = !status.isOk();
    failedSinceMark |= failed;
    recorder.recordCall(kind, (System.nanoTime() - startNanos) / 1000, failed);
    if (failed) {
      recorder.recordFailure(kind, status.getName());
    }
    return status;
  }
}
