package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.InterleavedRuns.RoundRun;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end of a comparison: results.json, a JSON per run, summary.md and the plots under the run's
 * directory, the summary table on the terminal, and an exit code that says whether any run had
 * errors.
 */
final class CompareOutput {
  private CompareOutput() {}

  /**
   * @param options what the summary's command line shows besides the plan's (" --tls"), so a reader
   *     can tell a TLS run from the plain ones
   */
  static int write(Path dir, ComparePlan plan, List<RunResult> results, String options)
      throws IOException {
    RunContext context = context(plan, options);
    CompareReport.write(dir, context, results);
    ComparePlots.write(dir, results);
    System.out.println();
    System.out.println(CompareReport.markdownTable(results));
    System.out.println("results, plots and the summary in " + dir.toAbsolutePath());
    return finish(results);
  }

  /**
   * The end of an interleaved comparison: every window's JSON and results.json as for one run of
   * each, and a summary.md (also printed) of the rounds' medians and of each round; no plots.
   */
  static int writeRounds(Path dir, ComparePlan plan, int rounds, List<RoundRun> runs)
      throws IOException {
    RunContext context =
        context(plan, " --rounds " + rounds + " --workloads " + String.join(",", plan.workloads()));
    List<RunResult> results = runs.stream().map(RoundRun::result).toList();
    String summary = CompareReport.roundsSummary(context, runs);
    CompareReport.write(dir, context, results, summary);
    System.out.println();
    System.out.println(summary);
    System.out.println("results and the summary in " + dir.toAbsolutePath());
    return finish(results);
  }

  private static RunContext context(ComparePlan plan, String options) {
    return new RunContext(
        Instant.now().toString(),
        machine(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        firstLine("etcd", "--version"),
        firstLine("git", "rev-parse", "--short", "HEAD"),
        "bench/compare.sh"
            + (plan.quick() ? " --quick" : "")
            + options
            + " (records "
            + plan.records()
            + ")",
        plan.quick());
  }

  private static int finish(List<RunResult> results) {
    long errors = results.stream().mapToLong(RunResult::errors).sum();
    if (errors > 0) {
      System.err.println(errors + " operations failed: see the errors column and the runs' JSON");
      return 1;
    }
    return 0;
  }

  private static String machine() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        "%d cores, %.1f GiB, %s %s",
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }

  private static String firstLine(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor(10, TimeUnit.SECONDS);
      return out.isEmpty() ? "unknown" : out.lines().findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
