package dev.ringstore.bench.compare;

import static dev.ringstore.bench.compare.HumanNumbers.millis;
import static dev.ringstore.bench.compare.HumanNumbers.rate;
import static dev.ringstore.bench.compare.HumanNumbers.ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The summary's table for {@code --tls}: per workload and thread count that both ran unthrottled,
 * Ringstore (fsync) with TLS on every connection beside the same cluster shape without it, and the
 * TLS run's server CPU per operation over the plain one's — the figure that says what encryption
 * and client certificates cost, since throughput on a shared two-core machine drifts more than TLS
 * moves it. Empty when there is no TLS run.
 */
final class TlsCostTable {
  private TlsCostTable() {}

  /** The table, or an empty string when no workload and thread count has both runs. */
  static String render(List<RunResult> runs) {
    MarkdownTable table =
        new MarkdownTable(
            "workload",
            "threads",
            "plain ops/s",
            "TLS ops/s",
            "plain p99 (ms)",
            "TLS p99 (ms)",
            "plain CPU ms/op",
            "TLS CPU ms/op",
            "CPU/op TLS/plain");
    for (Pair pair : pairs(runs)) {
      RunResult p = pair.plain();
      RunResult t = pair.tls();
      table.row(
          p.workload(),
          Integer.toString(p.threads()),
          rate(p.opsPerSecond()),
          rate(t.opsPerSecond()),
          millis(p.p99Millis()),
          millis(t.p99Millis()),
          millis(p.serverCpuMillisPerOp()),
          millis(t.serverCpuMillisPerOp()),
          ratio(pair.cpuRatio()));
    }
    return table.isEmpty() ? "" : table.render();
  }

  /** A plain fsync run and the TLS fsync run of the same workload and thread count. */
  record Pair(RunResult plain, RunResult tls) {
    double cpuRatio() {
      return tls.serverCpuMillisPerOp() / plain.serverCpuMillisPerOp();
    }
  }

  /** Every TLS run that has a plain counterpart, in the summary's workload and thread order. */
  static List<Pair> pairs(List<RunResult> runs) {
    List<Pair> pairs = new ArrayList<>();
    runs.stream()
        .filter(run -> isFsync(run, RunResult.RINGSTORE_TLS))
        .sorted(SummaryTables.BY_WORKLOAD_THREADS_LABEL)
        .forEach(tls -> plainFor(runs, tls).ifPresent(plain -> pairs.add(new Pair(plain, tls))));
    return pairs;
  }

  private static Optional<RunResult> plainFor(List<RunResult> runs, RunResult tls) {
    return runs.stream()
        .filter(run -> isFsync(run, RunResult.RINGSTORE))
        .filter(run -> run.workload().equals(tls.workload()) && run.threads() == tls.threads())
        .findFirst();
  }

  private static boolean isFsync(RunResult run, String system) {
    return run.system().equals(system)
        && run.durability().equals("fsync")
        && run.targetOpsPerSecond() <= 0;
  }
}
