package dev.ringstore.bench.compare;

import java.util.Map;

/**
 * One measured run of one workload on one system: what the comparison's table, JSON and plots are
 * made of. Latencies are milliseconds from HdrHistogram over the measured window only (warm-up
 * excluded); for a throttled run (a sweep step) they are measured from each operation's intended
 * start, so a server that falls behind shows it instead of hiding it (coordinated omission).
 *
 * @param system "etcd", "ringstore", or "ringstore-tls" (Ringstore with TLS on every port)
 * @param durability "fsync" or "async" (etcd always fsyncs); for etcd the read mode is in {@code
 *     variant}
 * @param variant what else distinguishes the run: etcd's read consistency ("linearizable",
 *     "serializable"), Ringstore's quorum ("N3 R2 W2")
 * @param workload YCSB workload letter (A, B, C, F) or W (write-only)
 * @param threads YCSB client threads (closed loop)
 * @param targetOpsPerSecond the sweep's target rate, 0 for an unthrottled run
 * @param seconds length of the measured window
 * @param operations YCSB transactions completed in the window (a read-modify-write counts once)
 * @param errors transactions in the window with any failed database call
 * @param serverCpuMillis utime+stime of every server process over the window, summed
 * @param perOperation latency and count per database call (READ, UPDATE, INSERT) and for
 *     READ-MODIFY-WRITE
 * @param siblingsSeen reads that returned more than one sibling (Ringstore only)
 * @param failures failed calls in the window by call kind and the status the binding answered, e.g.
 *     {@code "READ NOT_FOUND" -> 2} (empty in results written before it was recorded)
 */
public record RunResult(
    String system,
    String durability,
    String variant,
    String workload,
    int threads,
    double targetOpsPerSecond,
    double seconds,
    long operations,
    long errors,
    double opsPerSecond,
    double p50Millis,
    double p99Millis,
    double p999Millis,
    double serverCpuMillis,
    Map<String, OperationStats> perOperation,
    long siblingsSeen,
    Map<String, Long> failures) {

  /** The system name of plain Ringstore's runs. */
  public static final String RINGSTORE = "ringstore";

  /** The system name of Ringstore's runs with TLS and client certificates on every connection. */
  public static final String RINGSTORE_TLS = "ringstore-tls";

  public RunResult {
    failures = failures == null ? Map.of() : Map.copyOf(failures);
  }

  /** Server CPU time per completed operation, in milliseconds. */
  public double serverCpuMillisPerOp() {
    return operations == 0 ? Double.NaN : serverCpuMillis / operations;
  }

  /**
   * What a row's system column says: "etcd serializable", "ringstore fsync" or "ringstore fsync
   * TLS" (which sorts right after the plain row it is compared with).
   */
  public String label() {
    if (system.equals("etcd")) {
      return "etcd " + variant;
    }
    return "ringstore " + durability + (system.equals(RINGSTORE_TLS) ? " TLS" : "");
  }

  /** Count and latency percentiles (milliseconds) of one kind of operation. */
  public record OperationStats(
      long count, long errors, double p50Millis, double p99Millis, double p999Millis) {}
}
