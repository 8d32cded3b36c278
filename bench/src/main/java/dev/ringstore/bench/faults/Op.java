package dev.ringstore.bench.faults;

/**
 * One operation of a workload as a client saw it: which workload, key and value, when it was
 * invoked and when it completed (epoch milliseconds), how it ended, and the error if any.
 *
 * @param workload {@code set}, {@code unique} or {@code register} (see {@link Workload})
 * @param key the key written
 * @param value the element added (set) or value put (unique, register)
 * @param outcome how it ended
 * @param invokedAt when the client sent it
 * @param completedAt when the client learned how it ended
 * @param error the error code or exception, empty for {@code OK}
 */
record Op(
    String workload,
    String key,
    String value,
    Outcome outcome,
    long invokedAt,
    long completedAt,
    String error) {
  static Op ok(String workload, String key, String value) {
    return new Op(workload, key, value, Outcome.OK, 0, 0, "");
  }

  static Op info(String workload, String key, String value) {
    return new Op(workload, key, value, Outcome.INFO, 0, 0, "TIMEOUT");
  }

  static Op fail(String workload, String key, String value) {
    return new Op(workload, key, value, Outcome.FAIL, 0, 0, "CONDITION_FAILED");
  }
}
