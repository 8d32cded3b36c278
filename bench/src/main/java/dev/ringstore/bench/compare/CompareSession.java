package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.SystemRuns.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** The three systems of one comparison, run one after the other, and what they produced. */
final class CompareSession {
  private final ComparePlan plan;
  private final Path jar;
  private final Path dir;
  private final Set<String> systems;
  private final ProfiledWindows profiled; // null: not profiling
  private final Duration settle;
  private final AtomicReference<ServerCluster> running = new AtomicReference<>();

  /**
   * @param systems which systems run: {@code ringstore}, {@code etcd} (both in a comparison)
   */
  CompareSession(
      ComparePlan plan,
      Path jar,
      Path dir,
      Set<String> systems,
      ProfiledWindows profiled,
      Duration settle) {
    this.settle = settle;
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
    Properties quorum = properties("ringstore.n", "3", "ringstore.r", "2", "ringstore.w", "2");
    Variant ringstore = new Variant("fsync", "N3 R2 W2", quorum, List.of());
    Variant ringstoreAsync = new Variant("async", "N3 R2 W2", quorum, plan.asyncWorkloads());
    Variant linearizable =
        new Variant("fsync", "linearizable", properties("etcd.update.blind", "true"), List.of());
    Variant serializable =
        new Variant(
            "fsync",
            "serializable",
            properties("etcd.update.blind", "true", "etcd.serializable", "true"),
            List.of("C"));
    long total = totalSeconds();
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("compare")
            .setInitialMax(total)
            .setUnit(" s", 1)
            .showSpeed()
            .build()) {
      IntConsumer tick = bar::stepBy;
      Consumer<RunResult> print =
          r ->
              bar.setExtraMessage(
                  String.format(
                      " %s %s %dt: %,.0f ops/s",
                      r.label(), r.workload(), r.threads(), r.opsPerSecond()));
      if (systems.contains("ringstore")) {
        results.addAll(
            withCluster(
                startRingstore("fsync", 0),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(List.of(ringstore), plan.threads(), true)));
      }
      if (systems.contains("etcd")) {
        results.addAll(
            withCluster(
                startEtcd(),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(List.of(linearizable, serializable), plan.threads(), true)));
      }
      if (systems.contains("ringstore")) {
        results.addAll(
            withCluster(
                startRingstore("async", 1),
                c ->
                    new SystemRuns(c, plan, tick, print, profiled, settle)
                        .run(List.of(ringstoreAsync), maxOnly, false)));
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopper);
    }
    return CompareOutput.write(dir, plan, results);
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
    return (w * 2L + c) * threads * perRun
        + async * perRun
        + 2 * (sweep + saturation)
        + 3 * settling;
  }

  interface Body {
    List<RunResult> run(ServerCluster cluster) throws Exception;
  }

  private List<RunResult> withCluster(ServerCluster cluster, Body body) throws Exception {
    running.set(cluster);
    try {
      return body.run(cluster);
    } finally {
      running.set(null);
      cluster.close();
    }
  }

  private ServerCluster startRingstore(String durability, int index) throws Exception {
    int base = 21000 + index * 100;
    return RingstoreServers.start(
        jar,
        3,
        durability,
        base,
        dir.resolve("data-ringstore-" + durability),
        Duration.ofMinutes(3));
  }

  private ServerCluster startEtcd() throws Exception {
    return EtcdServers.loopback(3, 23790, dir.resolve("data-etcd"));
  }

  private void stopRunning() {
    ServerCluster cluster = running.getAndSet(null);
    if (cluster != null) {
      cluster.close();
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
