package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.RunResult.OperationStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible results of a full comparison (two etcd read modes, two Ringstore durabilities, YCSB A,
 * B, C, F and W at 64 threads, A at 16, a workload A sweep) and of a partition run, for tests of
 * the report writer. A few runs carry hand-picked numbers the tests assert on.
 */
final class FakeRuns {
  static final PartitionWindow PARTITION = new PartitionWindow(30, 60);

  private static final String[] LABELS = {
    "etcd linearizable", "etcd serializable", "ringstore fsync", "ringstore async"
  };
  private static final Map<String, double[]> OPS_PER_SECOND =
      Map.of(
          "B", new double[] {24_310, 41_880, 61_200, 79_300},
          "C", new double[] {27_950, 58_210, 66_480, 81_020},
          "F", new double[] {12_840, 13_300, 31_900, 49_600},
          "W", new double[] {14_120, 14_050, 39_750, 68_900});
  private static final double[] CPU_PER_OP = {0.82, 0.64, 0.41, 0.33};

  private FakeRuns() {}

  static List<RunResult> full() {
    List<RunResult> runs = new ArrayList<>();
    runs.add(run("etcd linearizable", "A", 64, 0, 16_071.13, 3.61, 21.4, 48.2, 0, 0.82));
    runs.add(run("etcd serializable", "A", 64, 0, 17_402, 3.30, 19.8, 44.0, 0, 0.64));
    runs.add(run("etcd linearizable", "A", 16, 0, 11_204, 1.29, 9.46, 23.9, 0, 0.82));
    runs.add(run("ringstore fsync", "A", 16, 0, 20_118, 0.702, 3.91, 9.8, 0, 0.43));
    runs.add(run("ringstore fsync", "A", 64, 0, 48_213.4, 1.234, 8.47, 21.3, 3, 0.41));
    runs.add(run("ringstore async", "A", 64, 0, 71_540, 0.81, 5.02, 13.9, 0, 0.33));
    for (String workload : List.of("B", "C", "F", "W")) {
      for (int i = 0; i < LABELS.length; i++) {
        double ops = OPS_PER_SECOND.get(workload)[i];
        double mean = 64 * 1000.0 / ops;
        runs.add(
            run(
                LABELS[i],
                workload,
                64,
                0,
                ops,
                0.9 * mean,
                6 * mean,
                15 * mean,
                0,
                CPU_PER_OP[i]));
      }
    }
    RunResult slowTail =
        run("etcd serializable", "C", 64, 0, 58_210, 0.0874, 5.72, 1_204.2, 1_520, 0.64);
    runs.replaceAll(
        r -> r.label().equals(slowTail.label()) && r.workload().equals("C") ? slowTail : r);
    double[][] etcdSweep = {
      {2_000, 1_999.6, 0.92, 2.41, 4.9},
      {5_000, 4_998, 1.08, 3.37, 8.1},
      {10_000, 9_991, 1.71, 11.9, 38.5},
      {15_000, 14_980, 5.61, 182.3, 411}
    };
    double[][] ringstoreSweep = {
      {2_000, 2_000.2, 0.48, 1.12, 2.3},
      {5_000, 4_999, 0.51, 1.31, 2.9},
      {10_000, 9_996, 0.58, 1.92, 4.4},
      {15_000, 14_993, 0.66, 2.73, 7.0}
    };
    for (double[] s : etcdSweep) {
      runs.add(run("etcd linearizable", "A", 64, s[0], s[1], s[2], s[3], s[4], 0, 0.82));
    }
    for (double[] s : ringstoreSweep) {
      runs.add(run("ringstore fsync", "A", 64, s[0], s[1], s[2], s[3], s[4], 0, 0.41));
    }
    return runs;
  }

  /**
   * etcd's majority re-elects a leader and its minority stops (a gap at the cut: nothing completes
   * before the timeouts); Ringstore's minority keeps writing (sloppy quorum) but fails reads for a
   * few seconds until its failure detector notices.
   */
  static List<AvailabilitySeries> availability() {
    return List.of(
        series(
            "etcd linearizable",
            "majority",
            900,
            s -> s == 30 ? 0.6 : s == 31 ? 0.9 : 1,
            s -> s == 30 ? 0 : s == 31 ? 0.35 : s == 32 ? 0.8 : 1),
        series(
            "etcd linearizable",
            "minority",
            300,
            s -> s == 30 ? Double.NaN : s >= 31 && s < 60 ? 0 : 1,
            s -> s == 30 ? Double.NaN : s >= 31 && s < 61 ? 0 : 1),
        series("ringstore fsync", "majority", 1_400, s -> 1, s -> s == 30 ? 0.97 : 1),
        series(
            "ringstore fsync",
            "minority",
            700,
            s -> s >= 30 && s < 34 ? 0.25 * (s - 30) : 1,
            s -> s >= 30 && s < 32 ? 0.5 + 0.25 * (s - 30) : 1));
  }

  private interface SuccessShare {
    double at(int second);
  }

  private static AvailabilitySeries series(
      String label, String side, long perSecond, SuccessShare reads, SuccessShare writes) {
    List<AvailabilitySecond> seconds = new ArrayList<>();
    for (int s = 0; s < 90; s++) {
      long[] r = outcomes(reads.at(s), perSecond);
      long[] w = outcomes(writes.at(s), perSecond / 2);
      seconds.add(new AvailabilitySecond(s, r[0], r[1], w[0], w[1]));
    }
    return new AvailabilitySeries(label, side, seconds);
  }

  /** Succeeded and failed operations in a second with this success share; NaN: none completed. */
  private static long[] outcomes(double share, long perSecond) {
    if (Double.isNaN(share)) {
      return new long[] {0, 0};
    }
    if (share == 0) {
      return new long[] {0, 8}; // eight client threads, each timing out once a second
    }
    long ok = Math.round(share * perSecond);
    return new long[] {ok, Math.round(ok * (1 - share) / share)};
  }

  /** One unthrottled 64-thread run, e.g. {@code unthrottled("etcd serializable", "C", ...)}. */
  static RunResult unthrottled(
      String label, String workload, double ops, double p99, double cpuPerOp) {
    return run(label, workload, 64, 0, ops, p99 / 6, p99, p99 * 2, 0, cpuPerOp);
  }

  private static RunResult run(
      String label,
      String workload,
      int threads,
      double target,
      double ops,
      double p50,
      double p99,
      double p999,
      long errors,
      double cpuPerOp) {
    boolean tls = label.endsWith(" TLS"); // "ringstore fsync TLS", as RunResult.label() says it
    String system = tls ? RunResult.RINGSTORE_TLS : label.substring(0, label.indexOf(' '));
    String mode = label.substring(label.indexOf(' ') + 1).replace(" TLS", "");
    boolean etcd = system.equals("etcd");
    long operations = Math.round(ops * 60);
    Map<String, OperationStats> perOperation = new LinkedHashMap<>();
    for (String operation : operations(workload)) {
      perOperation.put(
          operation, new OperationStats(operations / 2, errors, p50 * 0.9, p99 * 0.95, p999));
    }
    return new RunResult(
        system,
        etcd ? "fsync" : mode,
        etcd ? mode : "N3 R2 W2",
        workload,
        threads,
        target,
        60,
        operations,
        errors,
        ops,
        p50,
        p99,
        p999,
        cpuPerOp * operations,
        perOperation,
        etcd ? 0 : operations / 5_000,
        errors == 0 ? Map.of() : Map.of("UPDATE SERVICE_UNAVAILABLE", errors));
  }

  private static List<String> operations(String workload) {
    return switch (workload) {
      case "C" -> List.of("READ");
      case "F" -> List.of("READ", "READ-MODIFY-WRITE", "UPDATE");
      case "W" -> List.of("INSERT");
      default -> List.of("READ", "UPDATE");
    };
  }
}
