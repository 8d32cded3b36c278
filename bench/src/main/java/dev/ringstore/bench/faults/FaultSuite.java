package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.LinkFaults;
import dev.ringstore.testhosts.TestNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Jepsen-style fault suite of issue 15 on real processes ({@code bench/faults.sh}): five nodes
 * and three config replicas on test hosts, two client hosts running the workloads, each nemesis of
 * the {@link Catalogue} on its own run, then the last-writer-wins control, which must lose writes
 * to show the checker can fail. Writes {@code summary.md} with the table and the evidence of every
 * failed row, and exits 1 when any row failed.
 */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = "Fault-injection suite: nemeses, workloads, checker (docs/reliability.md).")
public final class FaultSuite implements Callable<Integer> {
  static final List<String> CLIENT_HOSTS = List.of("w1", "w2");

  @Option(
      names = "--quick",
      description = "CI profile: split, ring, kill, lossy and the control, 40 s each")
  boolean quick;

  @Option(names = "--nemesis", split = ",", description = "Only these nemeses (default: all).")
  List<String> nemeses;

  @Option(names = "--seconds", description = "Load seconds per nemesis (default 130, quick 40).")
  Integer seconds;

  @Option(
      names = "--lww-control",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Also run the last-writer-wins control under a split (default on).")
  boolean lwwControl;

  @Option(names = "--loss", description = "lossy: percent of packets dropped (default 10).")
  int lossPercent = LossyLinks.DEFAULT.lossPercent();

  @Option(names = "--duplicate", description = "lossy: percent of packets sent twice (default 5).")
  int duplicatePercent = LossyLinks.DEFAULT.duplicatePercent();

  @Option(names = "--seed", description = "Seed of the nemeses' random choices.")
  long seed = System.nanoTime();

  @Option(names = "--out", description = "Results directory (default results/faults-<time>).")
  Path out;

  @Option(
      names = "--recheck",
      description =
          "Run nothing: check the histories and final states of an earlier run's directory"
              + " again and rewrite its summary.md.")
  Path recheck;

  @Option(names = "--ringstore-jar", description = "The runnable Ringstore jar.")
  Path ringstoreJar = Path.of("cli", "target", "ringstore.jar");

  public static void main(String[] args) {
    System.exit(new CommandLine(new FaultSuite()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (recheck != null) {
      return Recheck.rewrite(recheck);
    }
    Optional<String> unavailable = TestNetwork.unavailableReason();
    if (unavailable.isPresent()) {
      System.err.println("SKIPPED fault suite: " + unavailable.get());
      return 2;
    }
    int runSeconds = seconds != null ? seconds : quick ? 40 : 130;
    List<String> names = new ArrayList<>(nemeses != null ? nemeses : List.of());
    Path dir =
        (out != null
                ? out
                : Path.of(
                    "results",
                    "faults-"
                        + LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))))
            .toAbsolutePath();
    Files.createDirectories(dir);
    Path benchJar = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> hosts = new ArrayList<>(FaultCluster.NODE_HOSTS);
    hosts.addAll(FaultCluster.CONFIG_HOSTS);
    hosts.addAll(CLIENT_HOSTS);
    List<RunResult> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    System.out.println("fault suite: seed " + seed + ", results in " + dir);
    try (TestNetwork net = TestNetwork.create("rsf", hosts);
        FaultCluster cluster =
            FaultCluster.start(
                net,
                ringstoreJar.toAbsolutePath(),
                Files.createDirectories(dir.resolve("cluster")))) {
      Catalogue catalogue =
          new Catalogue(
              net, cluster, new Random(seed), new LinkFaults(lossPercent, duplicatePercent));
      if (names.isEmpty()) {
        names.addAll(quick ? Catalogue.QUICK : catalogue.names());
      }
      names.forEach(catalogue::get);
      NemesisRun runner = new NemesisRun(net, cluster, benchJar, runSeconds, 10, 20);
      for (String name : names) {
        if (Catalogue.needsFilters(name) && TestNetwork.filtersUnavailableReason().isPresent()) {
          skipped.add(name + ": " + TestNetwork.filtersUnavailableReason().get());
          System.out.println("SKIPPED nemesis " + skipped.get(skipped.size() - 1));
          continue;
        }
        System.out.println("== " + name + " (" + runSeconds + " s)");
        results.add(report(runner.run(catalogue.get(name), false, dir.resolve(name))));
      }
      if (lwwControl) {
        System.out.println("== lww-control: split, last-writer-wins resolver");
        results.add(report(runner.run(catalogue.get("split"), true, dir.resolve("lww-control"))));
      }
    }
    String summary =
        FaultSummary.markdown(results, skipped, FaultSummary.settings(seed, runSeconds));
    Files.writeString(dir.resolve("summary.md"), summary);
    System.out.println(summary);
    System.out.println("results in " + dir);
    return results.stream().allMatch(RunResult::passed) ? 0 : 1;
  }

  private static RunResult report(RunResult result) {
    System.out.print(SummaryTable.markdown(List.of(result)));
    return result;
  }
}
