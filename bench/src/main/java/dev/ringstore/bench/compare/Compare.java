package dev.ringstore.bench.compare;

import dev.ringstore.bench.partition.PartitionCompare;
import dev.ringstore.bench.profile.AsyncProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/compare.sh}: Ringstore and etcd side by side on this machine. Starts three etcd
 * members and a three-node Ringstore (with its config service) one system at a time on loopback,
 * each with fresh data directories and fsync durability (Ringstore in {@code async} as an extra
 * row), runs the YCSB workloads at each client thread count and a latency-versus-throughput sweep
 * of workload A on both, and writes {@code results/compare-<time>/}: JSON per run, a Markdown table
 * and PNG plots. {@code --tls} adds Ringstore with TLS on every port as a third system. {@code
 * --partition} runs the availability-under-partition comparison instead.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Ringstore and etcd side by side: YCSB workloads, CPU per operation, plots.")
public final class Compare implements Callable<Integer> {
  @Option(
      names = "--quick",
      description =
          "A smoke run of about three minutes: 64 threads, short windows, async row for A and W.")
  boolean quick;

  @Option(
      names = "--partition",
      description =
          "Availability under a 2|3 network partition instead (root; network namespaces).")
  boolean partition;

  @Option(names = "--workloads", split = ",", description = "YCSB workloads (default: A,B,C,F,W).")
  List<String> workloads = Workloads.ALL;

  @Option(
      names = "--threads",
      split = ",",
      description = "Client threads per run (default: 1,64; --quick: 64).")
  List<Integer> threads;

  @Option(names = "--records", description = "Records loaded and used (default: 1000).")
  int records = 1000;

  @Option(
      names = "--seconds",
      description = "Measured seconds per run, sweep steps too (default: 15; --quick: 5).")
  Integer seconds;

  @Option(
      names = "--warmup",
      description = "Warm-up seconds per run, not measured (default: 5; --quick: 2).")
  Integer warmup;

  @Option(names = "--out", description = "Where results/compare-<time>/ goes (default: results).")
  Path out = Path.of("results");

  @Option(
      names = "--settle",
      description =
          "Unmeasured load before each system's first measured run, in seconds: JVM servers"
              + " compile their hot code first (default: 120; --quick: 45).")
  Integer settle;

  @Option(
      names = "--systems",
      split = ",",
      description = "Which systems run (default: ringstore,etcd); one alone is for profiling.")
  List<String> systems = List.of("ringstore", "etcd");

  @Option(
      names = "--profile",
      description =
          "async-profiler on the Ringstore servers in every measured window: flame graphs and"
              + " CPU by stage in <out>/profiles/.")
  boolean profile;

  @Option(
      names = "--rounds",
      description =
          "Interleaved rounds: both systems run side by side and each round measures every"
              + " workload on one and then the other (alternating who goes first), at the most"
              + " threads; the summary gives each ratio's median over the rounds. Default: 1, each"
              + " system's runs one after the other.")
  int rounds = 1;

  @Option(
      names = "--tls",
      description =
          "A third system, Ringstore with TLS and client certificates on every port (ringstore"
              + " local --tls), at the most threads right after plain Ringstore; the summary gives"
              + " its CPU per operation over plain Ringstore's. Not with --rounds or --partition.")
  boolean tls;

  @Option(
      names = "--base-port",
      description =
          "First port the servers use: Ringstore from it (up to +1202), etcd from +2790"
              + " (default: 21000). Keep it all below the kernel's ephemeral range"
              + " (net.ipv4.ip_local_port_range, 32768 up on Linux): a client connection may hold"
              + " a port there, and ringstore local then refuses to start.")
  int basePort = 21000;

  @Option(
      names = "--ringstore-jar",
      description = "The runnable Ringstore jar (default: cli/target/ringstore.jar).")
  Path ringstoreJar = Path.of("cli", "target", "ringstore.jar");

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(new CommandLine(new Compare()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Optional<String> noEtcd = EtcdServers.missingBinaryMessage();
    if (noEtcd.isPresent() && (partition || systems.contains("etcd"))) {
      System.err.println(noEtcd.get());
      return 2;
    }
    if (!Files.isRegularFile(ringstoreJar)) {
      System.err.println(
          ringstoreJar + " is missing: build it with mvn -DskipTests package -pl cli -am");
      return 2;
    }
    if (rounds < 1 || (rounds > 1 && (partition || systems.size() != 2))) {
      System.err.println(
          "--rounds needs a number of at least 1, and above 1 both systems and no --partition");
      return 2;
    }
    if (tls && (rounds > 1 || partition || !systems.contains("ringstore"))) {
      System.err.println(
          "--tls adds a row next to plain Ringstore's: it needs the ringstore system, and runs"
              + " without --rounds or --partition");
      return 2;
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = out.resolve((partition ? "partition-" : "compare-") + stamp);
    Files.createDirectories(dir);
    if (partition) {
      return new PartitionCompare(ringstoreJar, dir, quick).call();
    }
    ComparePlan plan =
        quick
            ? ComparePlan.quick(workloads, records)
            : ComparePlan.full(workloads, threads == null ? List.of(1, 64) : threads, records);
    if (threads != null && quick) {
      plan = plan.withThreads(threads);
    }
    if (seconds != null || warmup != null) {
      plan = plan.withWindows(warmup, seconds);
    }
    ProfiledWindows profiled = null;
    if (profile) {
      try {
        profiled = new ProfiledWindows(AsyncProfiler.load(), dir.resolve("profiles"));
      } catch (IOException e) {
        System.err.println("cannot profile: " + e.getMessage());
        return 2;
      }
    }
    Duration settling = Duration.ofSeconds(settle != null ? settle : quick ? 45 : 120);
    Set<String> running = new HashSet<>(systems);
    if (tls) {
      running.add(RunResult.RINGSTORE_TLS);
    }
    return new CompareSession(
            plan, ringstoreJar, dir, running, profiled, settling, rounds, basePort)
        .run();
  }
}
