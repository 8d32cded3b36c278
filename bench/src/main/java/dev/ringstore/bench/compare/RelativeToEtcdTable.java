package dev.ringstore.bench.compare;

import static dev.ringstore.bench.compare.HumanNumbers.rate;
import static dev.ringstore.bench.compare.HumanNumbers.ratio;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The summary's third table: per workload and thread count that both systems ran unthrottled,
 * Ringstore's (fsync) throughput and server CPU per operation divided by etcd's. etcd's
 * linearizable run is the one compared when both read modes ran, since it is the one that promises
 * what a quorum read does.
 */
final class RelativeToEtcdTable {
  private RelativeToEtcdTable() {}

  /** The table, or an empty string when no workload and thread count has both systems. */
  static String render(List<RunResult> runs) {
    MarkdownTable table =
        new MarkdownTable(
            "workload",
            "threads",
            "etcd run",
            "ringstore fsync ops/s",
            "etcd ops/s",
            "ops/s ratio",
            "CPU/op ratio");
    Map<Cell, List<RunResult>> cells =
        runs.stream()
            .filter(run -> run.targetOpsPerSecond() <= 0)
            .sorted(SummaryTables.BY_WORKLOAD_THREADS_LABEL)
            .collect(
                Collectors.groupingBy(
                    run -> new Cell(run.workload(), run.threads()),
                    () -> new TreeMap<>(Cell.ORDER),
                    Collectors.toList()));
    cells.values().forEach(cell -> row(cell).ifPresent(table::row));
    return table.isEmpty() ? "" : table.render();
  }

  private static Optional<String[]> row(List<RunResult> cell) {
    Optional<RunResult> ringstore =
        cell.stream()
            .filter(run -> run.system().equals("ringstore") && run.durability().equals("fsync"))
            .findFirst();
    Optional<RunResult> etcd =
        cell.stream()
            .filter(run -> run.system().equals("etcd"))
            .min(Comparator.comparing(run -> !"linearizable".equals(run.variant())));
    if (ringstore.isEmpty() || etcd.isEmpty()) {
      return Optional.empty();
    }
    RunResult r = ringstore.get();
    RunResult e = etcd.get();
    return Optional.of(
        new String[] {
          r.workload(),
          Integer.toString(r.threads()),
          e.label(),
          rate(r.opsPerSecond()),
          rate(e.opsPerSecond()),
          ratio(r.opsPerSecond() / e.opsPerSecond()),
          ratio(r.serverCpuMillisPerOp() / e.serverCpuMillisPerOp())
        });
  }

  private record Cell(String workload, int threads) {
    static final Comparator<Cell> ORDER =
        Comparator.comparing(Cell::workload, SummaryTables.WORKLOAD_ORDER)
            .thenComparingInt(Cell::threads);
  }
}
