package dev.ringstore.bench.compare;

import java.time.Duration;
import java.util.List;

/**
 * How long and how wide a comparison is: the workloads, the client thread counts, the warm-up and
 * measured window of each run, and the sweep's steps. {@code --quick} is a smoke run of about three
 * minutes on two cores; the default, under fifteen.
 *
 * @param quick whether this is the smoke run
 * @param sweepFractions the sweep's target rates, as fractions of the unthrottled workload-A
 *     throughput the same system just measured at the highest thread count (so every system is
 *     swept up to and past its own saturation)
 */
record ComparePlan(
    boolean quick,
    List<String> workloads,
    List<Integer> threads,
    int records,
    Duration warmup,
    Duration measured,
    List<Double> sweepFractions,
    Duration sweepWarmup,
    Duration sweepMeasured) {

  static ComparePlan full(List<String> workloads, List<Integer> threads, int records) {
    return new ComparePlan(
        false,
        workloads,
        threads,
        records,
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        List.of(0.2, 0.4, 0.6, 0.8, 1.0, 1.2),
        Duration.ofSeconds(3),
        Duration.ofSeconds(10));
  }

  static ComparePlan quick(List<String> workloads, int records) {
    return new ComparePlan(
        true,
        workloads,
        List.of(64),
        records,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        List.of(0.3, 0.6, 0.9),
        Duration.ofSeconds(1),
        Duration.ofSeconds(3));
  }

  /**
   * The workloads of the extra Ringstore {@code async} row: every one in a full run; in a quick one
   * the two that show what durability costs (A and W), when they were asked for.
   */
  List<String> asyncWorkloads() {
    if (!quick) {
      return List.of();
    }
    List<String> both = workloads.stream().filter(w -> w.equals("A") || w.equals("W")).toList();
    return both.isEmpty() ? List.of() : both;
  }

  int maxThreads() {
    return threads.stream().mapToInt(Integer::intValue).max().orElse(1);
  }

  long runSeconds() {
    return warmup.plus(measured).toSeconds();
  }

  long sweepStepSeconds() {
    return sweepWarmup.plus(sweepMeasured).toSeconds();
  }

  ComparePlan withThreads(List<Integer> newThreads) {
    return new ComparePlan(
        quick,
        workloads,
        newThreads,
        records,
        warmup,
        measured,
        sweepFractions,
        sweepWarmup,
        sweepMeasured);
  }

  /** The same plan with other windows (null keeps one); sweep steps get the same. */
  ComparePlan withWindows(Integer warmupSeconds, Integer measuredSeconds) {
    Duration w = warmupSeconds == null ? warmup : Duration.ofSeconds(warmupSeconds);
    Duration m = measuredSeconds == null ? measured : Duration.ofSeconds(measuredSeconds);
    return new ComparePlan(quick, workloads, threads, records, w, m, sweepFractions, w, m);
  }
}
