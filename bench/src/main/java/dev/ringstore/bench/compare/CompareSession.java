package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.SystemRuns.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The systems of one comparison and what they produced: by default Ringstore (fsync), etcd and
 * Ringstore (async) one after the other, with Ringstore (fsync, TLS) right after the plain fsync
 * cluster when asked for (so the two are measured minutes apart, not a quarter of an hour); with
 * {@code rounds} above one, Ringstore (fsync) and etcd side by side in the alternating windows of a
 * {@link RoundSchedule}.
 */
final class CompareSession {
  private static final Properties QUORUM =
      properties("ringstore.n", "3", "ringstore.r", "2", "ringstore.w", "2");
  private static final Variant RINGSTORE = new Variant("fsync", "N3 R2 W2", QUORUM, List.of());

  /** etcd's runs: linearizable reads for every workload, serializable ones for C as well. */
  private static final List<Variant> ETCD =
      List.of(
          new Variant("fsync", "linearizable", properties("etcd.update.blind", "true"), List.of()),
          new Variant(
              "fsync",
              "serializable",
              properties("etcd.update.blind", "true", "etcd.serializable", "true"),
              List.of("C")));

  private final ComparePlan plan;
  private final Path jar;
  private final Path dir;
  private final Set<String> systems;
  private final ProfiledWindows profiled; // null: not profiling
  private final Duration settle;
  private final int rounds;
  private final int basePort;
  private final List<ServerCluster> running = new CopyOnWriteArrayList<>();

  /**
   * @param systems which systems run: {@code ringstore}, {@code etcd} (both in a comparison), and
   *     {@code ringstore-tls} for the TLS row (not with rounds)
   * @param rounds 1 for one run of each system after the other; more for that many interleaved
   *     rounds of both (both systems needed)
   * @param basePort the first port: Ringstore clusters take ports from it in steps of 100 (each
   *     uses its first three, +500, +600 and +1000), etcd from {@code basePort + 2790}
   */
  CompareSession(
      ComparePlan plan,
      Path jar,
      Path dir,
      Set<String> systems,
      ProfiledWindows profiled,
      Duration settle,
      int rounds,
      int basePort) {
    this.basePort = basePort;
    this.settle = settle;
    this.rounds = rounds;
    this.plan = plan;
    this.jar = jar.toAbsolutePath();
    this.dir = dir;
    this.systems = Set.copyOf(systems);
    this.profiled = profiled;
  }

  int run() throws Exception {
    Thread stopper = new Thread(this::stopRunning, "compare-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    List<RunResult> results = new ArrayList<>();
    List<Integer> maxOnly = List.of(plan.maxThreads());
    if (rounds > 1) {
      try {
        return CompareOutput.writeRounds(dir, plan, rounds, interleaved());
      } finally {
        Runtime.getRuntime().removeShutdownHook(stopper);
      }
    }
    Variant ringstoreAsync = new Variant("async", "N3 R2 W2", QUORUM, plan.asyncWorkloads());
    long total = totalSeconds();
    try (ProgressBar bar = progressBar(total)) {
      IntConsumer tick = bar::stepBy;
      Consumer<RunResult> print = lastRun(bar);
      if (systems.contains("ringstore")) {
        results.addAll(
            withCluster(
                startRingstore("fsync", 0, false),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(List.of(RINGSTORE), plan.threads(), true)));
      }
      if (systems.contains(RunResult.RINGSTORE_TLS)) {
        results.addAll(
            withCluster(
                startRingstore("fsync", 2, true),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(List.of(RINGSTORE), maxOnly, false)));
      }
      if (systems.contains("etcd")) {
        results.addAll(
            withCluster(
                startEtcd(),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(ETCD, plan.threads(), true)));
      }
      if (systems.contains("ringstore")) {
        results.addAll(
            withCluster(
                startRingstore("async", 1, false),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(List.of(ringstoreAsync), maxOnly, false)));
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopper);
    }
    boolean tls = systems.contains(RunResult.RINGSTORE_TLS);
    return CompareOutput.write(dir, plan, results, tls ? " --tls" : "");
  }

  private List<InterleavedRuns.RoundRun> interleaved() throws Exception {
    InterleavedRuns measuring =
        new InterleavedRuns(new RoundSchedule(rounds, plan.workloads()), plan.maxThreads());
    long total =
        measuring.windows(RINGSTORE, ETCD) * plan.runSeconds() + 2 * (settle.toSeconds() + 1);
    try (ProgressBar bar = progressBar(total)) {
      IntConsumer tick = bar::stepBy;
      Consumer<RunResult> print = lastRun(bar);
      ServerCluster ringstore = started(startRingstore("fsync", 0, false));
      try {
        ServerCluster etcd = started(startEtcd());
        try {
          return measuring.run(
              new SystemRuns(ringstore, plan, tick, print, profiled, settle),
              RINGSTORE,
              new SystemRuns(etcd, plan, tick, print, profiled, settle),
              ETCD);
        } finally {
          stopped(etcd);
        }
      } finally {
        stopped(ringstore);
      }
    }
  }

  /** The comparison's progress, in seconds of warm-up and measurement out of {@code total}. */
  private static ProgressBar progressBar(long total) {
    return new ProgressBarBuilder()
        .setTaskName("compare")
        .setInitialMax(total)
        .setUnit(" s", 1)
        .showSpeed()
        .build();
  }

  /** Shows the run that just ended beside the bar: "ringstore fsync A 64t: 9,158 ops/s". */
  private static Consumer<RunResult> lastRun(ProgressBar bar) {
    return r ->
        bar.setExtraMessage(
            String.format(
                " %s %s %dt: %,.0f ops/s", r.label(), r.workload(), r.threads(), r.opsPerSecond()));
  }

  /** Seconds of warm-up and measurement the plan holds, for the progress bar. */
  private long totalSeconds() {
    long perRun = plan.runSeconds();
    long settling = settle.toSeconds() + 1;
    int threads = plan.threads().size();
    int w = plan.workloads().size();
    int c = plan.workloads().contains("C") ? 1 : 0;
    int async = plan.asyncWorkloads().isEmpty() ? w : plan.asyncWorkloads().size();
    long sweep = plan.sweepFractions().size() * plan.sweepStepSeconds();
    long saturation = plan.workloads().contains("A") ? 0 : perRun;
    long tls = systems.contains(RunResult.RINGSTORE_TLS) ? w * perRun + settling : 0;
    return (w * 2L + c) * threads * perRun
        + async * perRun
        + 2 * (sweep + saturation)
        + 3 * settling
        + tls;
  }

  interface Body {
    List<RunResult> run(ServerCluster cluster) throws Exception;
  }

  private List<RunResult> withCluster(ServerCluster cluster, Body body) throws Exception {
    started(cluster);
    try {
      return body.run(cluster);
    } finally {
      stopped(cluster);
    }
  }

  private ServerCluster started(ServerCluster cluster) {
    running.add(cluster);
    return cluster;
  }

  private void stopped(ServerCluster cluster) {
    running.remove(cluster);
    cluster.close();
  }

  private ServerCluster startRingstore(String durability, int index, boolean tls) throws Exception {
    int base = basePort + index * 100;
    return RingstoreServers.start(
        jar,
        3,
        durability,
        base,
        dir.resolve("data-ringstore-" + durability + (tls ? "-tls" : "")),
        Duration.ofMinutes(3),
        tls);
  }

  private ServerCluster startEtcd() throws Exception {
    return EtcdServers.loopback(3, basePort + 2790, dir.resolve("data-etcd"));
  }

  private void stopRunning() {
    for (ServerCluster cluster : running) {
      stopped(cluster);
    }
  }

  private static Properties properties(String... pairs) {
    Properties p = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return p;
  }
}
