package dev.ringstore.bench.compare;

import static dev.ringstore.bench.compare.HumanNumbers.count;
import static dev.ringstore.bench.compare.HumanNumbers.millis;
import static dev.ringstore.bench.compare.HumanNumbers.rate;

import java.util.Comparator;
import java.util.List;

/**
 * Two of the summary's tables: every unthrottled run, and the latency-vs-throughput sweep (the
 * third is {@link RelativeToEtcdTable}). Each returns an empty string when it has no rows.
 */
final class SummaryTables {
  private static final List<String> WORKLOADS = List.of("A", "B", "C", "F", "W");

  /** YCSB's order (A, B, C, F, then W), anything else after them alphabetically. */
  static final Comparator<String> WORKLOAD_ORDER =
      Comparator.<String>comparingInt(w -> WORKLOADS.contains(w) ? WORKLOADS.indexOf(w) : 99)
          .thenComparing(Comparator.naturalOrder());

  static final Comparator<RunResult> BY_WORKLOAD_THREADS_LABEL =
      Comparator.comparing(RunResult::workload, WORKLOAD_ORDER)
          .thenComparingInt(RunResult::threads)
          .thenComparing(RunResult::label);

  private SummaryTables() {}

  static String unthrottled(List<RunResult> runs) {
    MarkdownTable table =
        new MarkdownTable(
            "system",
            "durability",
            "workload",
            "threads",
            "ops/s",
            "p50 (ms)",
            "p99 (ms)",
            "p99.9 (ms)",
            "errors",
            "server CPU ms/op");
    runs.stream()
        .filter(run -> run.targetOpsPerSecond() <= 0)
        .sorted(BY_WORKLOAD_THREADS_LABEL)
        .forEach(
            run ->
                table.row(
                    run.label(),
                    run.durability(),
                    run.workload(),
                    Integer.toString(run.threads()),
                    rate(run.opsPerSecond()),
                    millis(run.p50Millis()),
                    millis(run.p99Millis()),
                    millis(run.p999Millis()),
                    count(run.errors()),
                    millis(run.serverCpuMillisPerOp())));
    return table.isEmpty() ? "" : table.render();
  }

  static String sweep(List<RunResult> runs) {
    MarkdownTable table =
        new MarkdownTable(
            "system",
            "workload",
            "threads",
            "target ops/s",
            "achieved ops/s",
            "p50 (ms)",
            "p99 (ms)",
            "p99.9 (ms)",
            "server CPU ms/op");
    runs.stream()
        .filter(run -> run.targetOpsPerSecond() > 0)
        .sorted(
            Comparator.comparing(RunResult::workload, WORKLOAD_ORDER)
                .thenComparing(RunResult::label)
                .thenComparingDouble(RunResult::targetOpsPerSecond))
        .forEach(
            run ->
                table.row(
                    run.label(),
                    run.workload(),
                    Integer.toString(run.threads()),
                    rate(run.targetOpsPerSecond()),
                    rate(run.opsPerSecond()),
                    millis(run.p50Millis()),
                    millis(run.p99Millis()),
                    millis(run.p999Millis()),
                    millis(run.serverCpuMillisPerOp())));
    return table.isEmpty() ? "" : table.render();
  }
}
