package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The comparison command end to end, in a short CI form: a real three-member etcd and a real {@code
 * ringstore local} cluster (fsync, then async), YCSB workloads A and C with 200 records and
 * two-second windows, the sweep; it must finish with zero errors, print and write the table, draw
 * the plots, and leave no server process behind. The full run is {@code bench/compare.sh}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CompareIT {
  @Test
  void aShortComparisonRunsBothSystemsWithoutErrorsAndWritesTheTableAndPlots(@TempDir Path out)
      throws Exception {
    Path jar = Path.of(System.getProperty("ringstore.jar", "../cli/target/ringstore.jar"));
    if (EtcdServers.missingBinaryMessage().isPresent() || !Files.isRegularFile(jar)) {
      String why = EtcdServers.missingBinaryMessage().orElse(jar + " is not built");
      System.err.println("SKIPPED CompareIT: " + why);
      assumeTrue(false, why);
    }
    int exit =
        new CommandLine(new Compare())
            .execute(
                "--quick",
                "--workloads",
                "A,C",
                "--records",
                "200",
                "--threads",
                "8",
                "--warmup",
                "1",
                "--seconds",
                "2",
                "--out",
                out.toString(),
                "--ringstore-jar",
                jar.toString());
    Path dir;
    try (Stream<Path> runs = Files.list(out)) {
      dir =
          runs.filter(p -> p.getFileName().toString().startsWith("compare-"))
              .findFirst()
              .orElseThrow();
    }
    ComparisonResults results = CompareReport.read(dir.resolve(CompareReport.RESULTS));
    assertThat(results.runs())
        .allSatisfy(
            run ->
                assertThat(run.errors())
                    .as(
                        "%s %s %d threads failed: %s",
                        run.label(), run.workload(), run.threads(), run.failures())
                    .isZero());
    assertThat(exit).as("exit code (0: every operation succeeded)").isZero();
    List<String> labels = results.runs().stream().map(RunResult::label).distinct().toList();
    assertThat(labels)
        .contains("ringstore fsync", "ringstore async", "etcd linearizable", "etcd serializable");
    assertThat(results.runs())
        .allSatisfy(
            run -> {
              assertThat(run.errors()).isZero();
              assertThat(run.operations()).isPositive();
              assertThat(run.serverCpuMillis()).isPositive();
            });
    assertThat(results.runs()).anySatisfy(run -> assertThat(run.targetOpsPerSecond()).isPositive());
    String summary = Files.readString(dir.resolve(CompareReport.SUMMARY));
    assertThat(summary).contains("| ringstore fsync").contains("| etcd linearizable");
    for (String plot : List.of("throughput.png", "cpu-per-op.png", "latency-vs-throughput.png")) {
      assertThat(dir.resolve(plot)).isNotEmptyFile();
    }
    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
        .as("server processes left running")
        .isEmpty();
  }
}
