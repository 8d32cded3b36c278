package dev.ringstore.bench.compare;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;

/**
 * Draws a comparison's PNGs (1000×600) into its output directory. A plot whose data the runs lack
 * (a quick run has no sweep, a run without a partition no availability) is skipped, not drawn
 * empty:
 *
 * <ul>
 *   <li>{@code throughput.png}: ops/s per workload, one bar per system label, unthrottled runs at
 *       the highest thread count any of them used;
 *   <li>{@code cpu-per-op.png}: server CPU milliseconds per operation, the same runs;
 *   <li>{@code latency-vs-throughput.png}: workload A's throttled sweep, p99 and p50 against the
 *       throughput achieved;
 *   <li>{@code availability-<system>.png}: one per system, since XChart draws no subplots.
 * </ul>
 */
public final class ComparePlots {
  private ComparePlots() {}

  /**
   * Draws throughput, CPU per operation and latency vs throughput from {@code runs}.
   *
   * @return the files written, none when there was nothing to plot
   */
  public static List<Path> write(Path directory, List<RunResult> runs) throws IOException {
    ChartStyle.headless();
    Files.createDirectories(directory);
    Map<String, Color> colours = ChartStyle.colours(runs.stream().map(RunResult::label).toList());
    List<Path> written = new ArrayList<>();
    List<RunResult> unthrottled =
        runs.stream().filter(run -> run.targetOpsPerSecond() <= 0).toList();
    int threads = unthrottled.stream().mapToInt(RunResult::threads).max().orElse(0);
    List<RunResult> peak = unthrottled.stream().filter(run -> run.threads() == threads).toList();
    if (!peak.isEmpty()) {
      String suffix = " (" + threads + " client threads)";
      CategoryChart throughput =
          GroupedBarChart.draw(
              "Throughput per YCSB workload" + suffix,
              "throughput (ops/s)",
              "#,##0",
              peak,
              RunResult::opsPerSecond,
              colours);
      written.add(ChartStyle.save(throughput, directory.resolve("throughput.png")));
      if (peak.stream().anyMatch(run -> Double.isFinite(run.serverCpuMillisPerOp()))) {
        CategoryChart cpu =
            GroupedBarChart.draw(
                "Server CPU per operation" + suffix,
                "server CPU per operation (ms)",
                "0.0##",
                peak,
                RunResult::serverCpuMillisPerOp,
                colours);
        written.add(ChartStyle.save(cpu, directory.resolve("cpu-per-op.png")));
      }
    }
    List<RunResult> sweep =
        runs.stream()
            .filter(run -> run.targetOpsPerSecond() > 0 && run.workload().equals("A"))
            .toList();
    if (!sweep.isEmpty()) {
      written.add(
          ChartStyle.save(
              LatencyThroughputChart.draw("A", sweep, colours),
              directory.resolve("latency-vs-throughput.png")));
    }
    return written;
  }

  /**
   * Draws {@code availability-<system>.png} per system in {@code series}.
   *
   * @return the files written, none when {@code series} holds no seconds
   */
  public static List<Path> writeAvailability(
      Path directory, PartitionWindow window, List<AvailabilitySeries> series) throws IOException {
    ChartStyle.headless();
    Files.createDirectories(directory);
    Map<String, List<AvailabilitySeries>> bySystem =
        series.stream()
            .filter(one -> !one.seconds().isEmpty())
            .collect(
                Collectors.groupingBy(
                    AvailabilitySeries::system, TreeMap::new, Collectors.toList()));
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, List<AvailabilitySeries>> system : bySystem.entrySet()) {
      String name = system.getKey().replaceAll("[^A-Za-z0-9_-]+", "-");
      Path file = directory.resolve("availability-" + name + ".png");
      written.add(
          ChartStyle.save(
              AvailabilityChart.draw(system.getKey(), window, system.getValue()), file));
    }
    return written;
  }
}
