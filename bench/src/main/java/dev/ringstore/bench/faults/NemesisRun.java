package dev.ringstore.bench.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.testhosts.TestNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One nemesis run: a load process on each client host from the same instant, the nemesis injected
 * and healed on its {@link NemesisSchedule}, everything healed at the end (also on failure), then
 * the convergence check from the majority-side client host and the {@link Checker}'s verdict.
 * Histories, the final state, the nemesis' events and the clients' logs stay in the run's
 * directory.
 */
final class NemesisRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHECK_SECONDS = 90;
  private static final int SIBLING_BOUND = 2;

  private final TestNetwork net;
  private final FaultCluster cluster;
  private final Path benchJar;
  private final int seconds;
  private final int quiet;
  private final int fault;

  NemesisRun(
      TestNetwork net, FaultCluster cluster, Path benchJar, int seconds, int quiet, int fault) {
    this.net = net;
    this.cluster = cluster;
    this.benchJar = benchJar;
    this.seconds = seconds;
    this.quiet = quiet;
    this.fault = fault;
  }

  RunResult run(Nemesis nemesis, boolean control, Path dir) throws Exception {
    Files.createDirectories(dir);
    String prefix = dir.getFileName().toString();
    List<String> events = new ArrayList<>();
    long startAt = System.currentTimeMillis() + 8000;
    List<Process> loads = new ArrayList<>();
    List<Path> histories = new ArrayList<>();
    long lastHeal = startAt;
    try {
      for (String host : FaultSuite.CLIENT_HOSTS) {
        Path history = dir.resolve("history-" + host + ".jsonl");
        histories.add(history);
        List<String> args =
            new ArrayList<>(
                List.of(
                    "--mode",
                    "load",
                    "--client",
                    host,
                    "--start-at",
                    Long.toString(startAt),
                    "--seconds",
                    Integer.toString(seconds),
                    "--prefix",
                    prefix,
                    "--out",
                    history.toString()));
        if (control) {
          args.add("--lww");
        }
        loads.add(worker(host, args, dir.resolve("load-" + host + ".log")));
      }
      for (NemesisSchedule.Window w : NemesisSchedule.windows(seconds, quiet, fault)) {
        sleepUntil(startAt + w.start() * 1000L);
        events.add(Instant.now() + " inject " + nemesis.inject());
        sleepUntil(startAt + w.end() * 1000L);
        nemesis.heal();
        lastHeal = System.currentTimeMillis();
        events.add(Instant.ofEpochMilli(lastHeal) + " heal");
      }
    } finally {
      cluster.healAll();
      Files.write(dir.resolve("events.txt"), events);
    }
    for (Process load : loads) {
      if (!load.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
        load.destroyForcibly();
        throw new IllegalStateException("a load process did not finish: see " + dir);
      }
    }
    Path finalState = dir.resolve("final-state.json");
    Process check =
        worker(
            FaultSuite.CLIENT_HOSTS.get(1),
            List.of(
                "--mode",
                "check",
                "--prefix",
                prefix,
                "--seconds",
                Integer.toString(CHECK_SECONDS),
                "--history",
                String.join(",", histories.stream().map(Path::toString).toList()),
                "--out",
                finalState.toString()),
            dir.resolve("check.log"));
    if (!check.waitFor(CHECK_SECONDS + 120L, TimeUnit.SECONDS) || check.exitValue() != 0) {
      check.destroyForcibly();
      throw new IllegalStateException("the convergence check did not finish: see " + dir);
    }
    long convergedAt = JSON.readTree(finalState.toFile()).get("convergedAt").asLong();
    Double convergence = convergedAt < 0 ? null : Math.max(0, convergedAt - lastHeal) / 1000.0;
    RunResult result =
        new RunResult(
            nemesis.name(),
            control,
            check(dir),
            convergence,
            LeaderTerms.read(cluster.configLogs()).violations());
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("verdict.json").toFile(), result);
    return result;
  }

  /** The checker's verdict on a run directory's histories and final state. */
  static Verdict check(Path dir) throws IOException {
    List<Path> histories = new ArrayList<>();
    for (String host : FaultSuite.CLIENT_HOSTS) {
      histories.add(dir.resolve("history-" + host + ".jsonl"));
    }
    Map<String, KeyState> states = new LinkedHashMap<>();
    List<KeyState> keys =
        JSON.convertValue(
            JSON.readTree(dir.resolve("final-state.json").toFile()).get("keys"),
            new TypeReference<List<KeyState>>() {});
    keys.forEach(k -> states.put(k.key(), k));
    return new Checker(SIBLING_BOUND).check(HistoryLog.read(histories), states);
  }

  private Process worker(String host, List<String> args, Path log) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-Xmx256m", "-cp", benchJar.toString(), FaultWorker.class.getName()));
    argv.addAll(List.of("--config", cluster.configAddresses(), "--seeds", cluster.nodeAddresses()));
    argv.addAll(args);
    return net.start(host, argv, log);
  }

  private static void sleepUntil(long epochMillis) throws InterruptedException {
    long left = epochMillis - System.currentTimeMillis();
    if (left > 0) {
      Thread.sleep(left);
    }
  }
}
