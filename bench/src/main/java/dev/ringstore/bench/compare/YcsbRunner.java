package dev.ringstore.bench.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import site.ycsb.ClientThread;
import site.ycsb.WorkloadException;
import site.ycsb.measurements.Measurements;
import site.ycsb.workloads.CoreWorkload;

/**
 * Runs YCSB in this JVM against a {@link ServerCluster}: YCSB's CoreWorkload chooses keys,
 * operations and values and YCSB's ClientThreads run the closed loops (or the throttled ones of a
 * sweep), as {@code ycsb load} / {@code ycsb run} would; what is added is a warm-up that is not
 * measured, a measured window of fixed length, and server CPU sampled at the window's edges.
 */
final class YcsbRunner {
  /** What one run is: the labels of its row, the workload, the client threads and the rate. */
  record RunSpec(
      String system,
      String durability,
      String variant,
      String workload,
      int threads,
      double targetOpsPerSecond,
      Duration warmup,
      Duration measured,
      Properties extra) {}

  private final int records;
  private final ProfiledWindows profiled; // null: not profiling

  YcsbRunner(int records, ProfiledWindows profiled) {
    this.records = records;
    this.profiled = profiled;
  }

  /** Inserts every record once (YCSB's load phase) with {@code threads} threads; returns errors. */
  long load(ServerCluster cluster, Properties extra, int threads) throws Exception {
    Properties props = Workloads.of("A", records);
    props.putAll(extra);
    PhaseRecorder recorder = new PhaseRecorder();
    recorder.open();
    List<Thread> running = new ArrayList<>();
    MeasuredWorkload workload = workload(props, recorder);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int ops = records / threads + (t < records % threads ? 1 : 0);
      running.add(start(cluster, props, recorder, workload, false, ops, 0, t, threads, done));
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      workload.requestStop();
      throw new IllegalStateException("the load phase did not finish within 10 minutes");
    }
    for (Thread thread : running) {
      thread.join();
    }
    workload.cleanup();
    return recorder.perCall().values().stream().mapToLong(s -> s.errors()).sum();
  }

  /** Runs {@code spec}: warm-up, measured window; {@code tick} gets each elapsed second. */
  RunResult run(ServerCluster cluster, RunSpec spec, IntConsumer tick) throws Exception {
    return run(cluster, spec, tick, true);
  }

  /**
   * As {@link #run(ServerCluster, RunSpec, IntConsumer)}; {@code profile} false: never profiled.
   */
  RunResult run(ServerCluster cluster, RunSpec spec, IntConsumer tick, boolean profile)
      throws Exception {
    Properties props = Workloads.of(spec.workload(), records);
    props.putAll(spec.extra());
    PhaseRecorder recorder = new PhaseRecorder();
    MeasuredWorkload workload = workload(props, recorder);
    double perThreadPerMs = spec.targetOpsPerSecond() / 1000.0 / spec.threads();
    CountDownLatch done = new CountDownLatch(spec.threads());
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < spec.threads(); t++) {
      running.add(
          start(
              cluster,
              props,
              recorder,
              workload,
              true,
              0,
              perThreadPerMs,
              t,
              spec.threads(),
              done));
    }
    sleepTicking(spec.warmup(), tick);
    long siblingsBefore = cluster.siblingReads();
    double cpuBefore = ServerCpu.millis(cluster.serverPids());
    long openedNanos = System.nanoTime();
    recorder.open();
    boolean profiling = profile && profiled != null && profiled.profiles(spec.system());
    if (profiling) {
      profiled.opened(cluster.serverPids());
    }
    sleepTicking(spec.measured(), tick);
    recorder.close();
    double seconds = (System.nanoTime() - openedNanos) / 1e9;
    double cpu = ServerCpu.millis(cluster.serverPids()) - cpuBefore;
    Histogram h = recorder.transactionHistogram(); // an interval histogram: read it once
    if (profiling) {
      profiled.closed(cluster.serverPids(), spec, h.getTotalCount());
    }
    long siblings = cluster.siblingReads() - siblingsBefore;
    workload.requestStop();
    if (!done.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("client threads did not stop within 30 s of the run's end");
    }
    for (Thread thread : running) {
      thread.join();
    }
    workload.cleanup();
    long ops = h.getTotalCount();
    return new RunResult(
        spec.system(),
        spec.durability(),
        spec.variant(),
        spec.workload(),
        spec.threads(),
        spec.targetOpsPerSecond(),
        seconds,
        ops,
        recorder.transactionErrors(),
        ops / seconds,
        PhaseRecorder.millis(h, 50),
        PhaseRecorder.millis(h, 99),
        PhaseRecorder.millis(h, 99.9),
        cpu,
        recorder.perCall(),
        siblings,
        recorder.failures());
  }

  private static MeasuredWorkload workload(Properties props, PhaseRecorder recorder)
      throws WorkloadException {
    Measurements.setProperties(props);
    CoreWorkload core = new CoreWorkload();
    MeasuredWorkload workload = new MeasuredWorkload(core, recorder);
    workload.init(props);
    return workload;
  }

  private static Thread start(
      ServerCluster cluster,
      Properties props,
      PhaseRecorder recorder,
      MeasuredWorkload workload,
      boolean transactions,
      int ops,
      double perThreadPerMs,
      int id,
      int count,
      CountDownLatch done) {
    MeasuredDb db = new MeasuredDb(cluster.newDb(props), recorder);
    db.setProperties(props);
    ClientThread client =
        new ClientThread(db, transactions, workload, props, ops, perThreadPerMs, done);
    client.setThreadId(id);
    client.setThreadCount(count);
    Thread thread = new Thread(client, "ycsb-" + id);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void sleepTicking(Duration length, IntConsumer tick) throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Thread.sleep(Math.min(1000, TimeUnit.NANOSECONDS.toMillis(left) + 1));
      tick.accept(1);
    }
  }
}
