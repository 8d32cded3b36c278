package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.YcsbRunner.RunSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Every run of one started system: the load phase, each workload at each thread count (in each of
 * the system's read variants), then, when asked, the latency-versus-throughput sweep of workload A
 * at rates stepping up past the saturation it has just measured.
 */
final class SystemRuns {
  /** One way of running a system: its row labels and the binding properties that make it so. */
  record Variant(String durability, String variant, Properties properties, List<String> only) {
    boolean runs(String workload) {
      return only.isEmpty() || only.contains(workload);
    }
  }

  private final ServerCluster cluster;
  private final ComparePlan plan;
  private final IntConsumer tick;
  private final Consumer<RunResult> done;
  private final ProfiledWindows profiled; // null: not profiling
  private final Duration settle;

  /**
   * @param settle unmeasured load (workload A at the plan's most threads) after loading and before
   *     the first measured run: a fresh JVM compiles its hot code for minutes on two busy cores,
   *     and a store runs for days; etcd gets the same
   */
  SystemRuns(
      ServerCluster cluster,
      ComparePlan plan,
      IntConsumer tick,
      Consumer<RunResult> done,
      ProfiledWindows profiled,
      Duration settle) {
    this.settle = settle;
    this.cluster = cluster;
    this.plan = plan;
    this.tick = tick;
    this.done = done;
    this.profiled = profiled;
  }

  /** Loads the records, runs every workload of every variant, and the sweep if {@code sweep}. */
  List<RunResult> run(List<Variant> variants, List<Integer> threads, boolean sweep)
      throws Exception {
    YcsbRunner runner = prepare(variants.get(0));
    List<RunResult> results = new ArrayList<>();
    for (String workload : plan.workloads()) {
      for (Variant variant : variants) {
        if (!variant.runs(workload)) {
          continue;
        }
        for (int t : threads) {
          results.add(measure(runner, variant, workload, t, 0, false));
        }
      }
    }
    if (sweep) {
      Variant first = variants.get(0);
      double saturation =
          results.stream()
              .filter(r -> r.workload().equals("A") && r.threads() == plan.maxThreads())
              .filter(r -> r.variant().equals(first.variant()))
              .mapToDouble(RunResult::opsPerSecond)
              .findFirst()
              .orElseGet(() -> measureQuietly(runner, first));
      for (double fraction : plan.sweepFractions()) {
        double target = Math.max(10, Math.round(saturation * fraction / 10.0) * 10.0);
        results.add(measure(runner, first, "A", plan.maxThreads(), target, true));
      }
    }
    return results;
  }

  /**
   * Loads the records through {@code first}'s binding, then runs the unmeasured settling load
   * (workload A at the plan's most threads); returns the runner that measures what follows.
   */
  YcsbRunner prepare(Variant first) throws Exception {
    YcsbRunner runner = new YcsbRunner(plan.records(), profiled);
    long loadErrors = runner.load(cluster, first.properties(), 16);
    if (loadErrors > 0) {
      throw new IllegalStateException(
          cluster.system() + ": " + loadErrors + " inserts failed while loading the records");
    }
    if (!settle.isZero()) {
      runner.run(
          cluster,
          new RunSpec(
              cluster.system(),
              first.durability(),
              first.variant(),
              "A",
              plan.maxThreads(),
              0,
              settle,
              Duration.ofSeconds(1),
              first.properties()),
          tick,
          false);
    }
    return runner;
  }

  /**
   * One unthrottled run of {@code workload} at {@code threads} threads, with the plan's windows.
   */
  RunResult measure(YcsbRunner runner, Variant variant, String workload, int threads)
      throws Exception {
    return measure(runner, variant, workload, threads, 0, false);
  }

  private double measureQuietly(YcsbRunner runner, Variant variant) {
    try {
      return measure(runner, variant, "A", plan.maxThreads(), 0, false).opsPerSecond();
    } catch (Exception e) {
      throw new IllegalStateException("cannot measure workload A for the sweep", e);
    }
  }

  private RunResult measure(
      YcsbRunner runner, Variant variant, String workload, int threads, double target, boolean step)
      throws Exception {
    RunSpec spec =
        new RunSpec(
            cluster.system(),
            variant.durability(),
            variant.variant(),
            workload,
            threads,
            target,
            step ? plan.sweepWarmup() : plan.warmup(),
            step ? plan.sweepMeasured() : plan.measured(),
            variant.properties());
    RunResult result = runner.run(cluster, spec, tick);
    if (result.errors() > 0) {
      System.err.printf(
          "%n%s %s %d threads: %d transactions failed: %s%n",
          result.label(), workload, threads, result.errors(), result.failures());
    }
    done.accept(result);
    return result;
  }
}
