package dev.ringstore.bench.compare;

import static dev.ringstore.bench.compare.HumanNumbers.count;
import static dev.ringstore.bench.compare.HumanNumbers.millis;
import static dev.ringstore.bench.compare.HumanNumbers.rate;
import static dev.ringstore.bench.compare.HumanNumbers.ratio;

import dev.ringstore.bench.compare.InterleavedRuns.RoundRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The tables of an interleaved comparison: each round pairs Ringstore's window of a workload with
 * etcd's adjacent one (per etcd read mode), and the pairs' ratios are what is reported, as a median
 * over the rounds with their smallest and largest, then round by round.
 */
final class RoundsTable {
  /** Ringstore's and etcd's windows of one workload in one round. */
  record Pair(int round, RunResult ringstore, RunResult etcd) {
    double ratio() {
      return ringstore.opsPerSecond() / etcd.opsPerSecond();
    }

    double cpuRatio() {
      return ringstore.serverCpuMillisPerOp() / etcd.serverCpuMillisPerOp();
    }
  }

  private RoundsTable() {}

  /** Every pair, by workload, then etcd read mode (its order of first appearance), then round. */
  static List<Pair> pairs(List<RoundRun> runs) {
    List<Pair> pairs = new ArrayList<>();
    List<String> workloads =
        runs.stream()
            .map(r -> r.result().workload())
            .distinct()
            .sorted(SummaryTables.WORKLOAD_ORDER)
            .toList();
    for (String workload : workloads) {
      List<RoundRun> etcd =
          runs.stream()
              .filter(r -> r.result().workload().equals(workload))
              .filter(r -> r.result().system().equals("etcd"))
              .toList();
      for (String variant : etcd.stream().map(r -> r.result().variant()).distinct().toList()) {
        for (RoundRun e : etcd) {
          if (!e.result().variant().equals(variant)) {
            continue;
          }
          ringstoreIn(runs, e.round(), workload)
              .ifPresent(r -> pairs.add(new Pair(e.round(), r, e.result())));
        }
      }
    }
    return pairs;
  }

  /** Medians over the rounds, one row per workload and etcd read mode. */
  static String medians(List<RoundRun> runs) {
    MarkdownTable table =
        new MarkdownTable(
            "workload",
            "etcd run",
            "rounds",
            "ringstore ops/s",
            "etcd ops/s",
            "ratio",
            "ratio min–max",
            "ringstore p99 ms",
            "etcd p99 ms",
            "ringstore CPU ms/op",
            "etcd CPU ms/op");
    List<Pair> pairs = pairs(runs);
    for (List<Pair> cell : byCell(pairs)) {
      Pair first = cell.get(0);
      List<Double> ratios = cell.stream().map(Pair::ratio).sorted().toList();
      table.row(
          first.ringstore().workload(),
          first.etcd().label(),
          Integer.toString(cell.size()),
          rate(median(cell, p -> p.ringstore().opsPerSecond())),
          rate(median(cell, p -> p.etcd().opsPerSecond())),
          ratio(median(cell, Pair::ratio)),
          ratio(ratios.get(0)) + "–" + ratio(ratios.get(ratios.size() - 1)),
          millis(median(cell, p -> p.ringstore().p99Millis())),
          millis(median(cell, p -> p.etcd().p99Millis())),
          millis(median(cell, p -> p.ringstore().serverCpuMillisPerOp())),
          millis(median(cell, p -> p.etcd().serverCpuMillisPerOp())));
    }
    return table.isEmpty() ? "" : table.render();
  }

  /** Every round's pair. */
  static String everyRound(List<RoundRun> runs) {
    MarkdownTable table =
        new MarkdownTable(
            "workload",
            "etcd run",
            "round",
            "ringstore ops/s",
            "etcd ops/s",
            "ratio",
            "ringstore p99 ms",
            "etcd p99 ms",
            "CPU/op ratio",
            "errors");
    for (Pair pair : pairs(runs)) {
      table.row(
          pair.ringstore().workload(),
          pair.etcd().label(),
          Integer.toString(pair.round()),
          rate(pair.ringstore().opsPerSecond()),
          rate(pair.etcd().opsPerSecond()),
          ratio(pair.ratio()),
          millis(pair.ringstore().p99Millis()),
          millis(pair.etcd().p99Millis()),
          ratio(pair.cpuRatio()),
          count(pair.ringstore().errors() + pair.etcd().errors()));
    }
    return table.isEmpty() ? "" : table.render();
  }

  /** The median of {@code value} over {@code pairs}: the middle one, or the mean of the two. */
  static double median(List<Pair> pairs, ToDoubleFunction<Pair> value) {
    double[] sorted = pairs.stream().mapToDouble(value).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Optional<RunResult> ringstoreIn(List<RoundRun> runs, int round, String workload) {
    return runs.stream()
        .filter(r -> r.round() == round && r.result().workload().equals(workload))
        .map(RoundRun::result)
        .filter(r -> r.system().equals("ringstore"))
        .findFirst();
  }

  /** The pairs grouped by workload and etcd read mode, in the order {@link #pairs} gives them. */
  private static Collection<List<Pair>> byCell(List<Pair> pairs) {
    return pairs.stream()
        .collect(
            Collectors.groupingBy(
                p -> p.ringstore().workload() + " " + p.etcd().variant(),
                LinkedHashMap::new,
                Collectors.toList()))
        .values();
  }
}
