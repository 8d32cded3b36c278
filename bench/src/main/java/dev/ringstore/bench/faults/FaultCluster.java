package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.TestNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster under test on test hosts: config replicas c1..c3 on hosts k1..k3 and nodes n1..n5 on
 * hosts s1..s5, each in its own namespace with its own address, started with the {@code ringstore}
 * jar as an operator would (fsync durability, every other setting at its default), the join of all
 * five planned and committed. Every process can be killed with SIGKILL and started again on its
 * data directory, or paused with SIGSTOP and resumed; its log is appended to.
 */
final class FaultCluster implements AutoCloseable {
  static final List<String> NODE_HOSTS = List.of("s1", "s2", "s3", "s4", "s5");
  static final List<String> CONFIG_HOSTS = List.of("k1", "k2", "k3");
  static final int NODE_PORT = 7201;
  static final int CONFIG_PORT = 7801;
  private static final int RAFT_PORT = 7701;

  private final TestNetwork net;
  private final Path jar;
  private final Path dir;
  private final Map<String, RingstoreProcess> processes = new LinkedHashMap<>();

  private FaultCluster(TestNetwork net, Path jar, Path dir) {
    this.net = net;
    this.jar = jar;
    this.dir = dir;
  }

  static FaultCluster start(TestNetwork net, Path jar, Path dir)
      throws IOException, InterruptedException {
    FaultCluster cluster = new FaultCluster(net, jar, dir);
    cluster.launchAll();
    cluster.bootstrap(Duration.ofMinutes(2));
    return cluster;
  }

  private void launchAll() throws IOException {
    List<String> peers = new ArrayList<>();
    for (int i = 0; i < CONFIG_HOSTS.size(); i++) {
      peers.add("c" + (i + 1) + "=" + ip(CONFIG_HOSTS.get(i)) + ":" + RAFT_PORT);
    }
    for (int i = 0; i < CONFIG_HOSTS.size(); i++) {
      String id = "c" + (i + 1);
      String host = CONFIG_HOSTS.get(i);
      Path data = Files.createDirectories(dir.resolve(id));
      add(
          id,
          host,
          data.resolve("config.log"),
          List.of(
              "config-server",
              "--id",
              id,
              "--peers",
              String.join(",", peers),
              "--listen",
              ip(host) + ":" + CONFIG_PORT,
              "--data",
              data.toString()));
    }
    for (int i = 0; i < NODE_HOSTS.size(); i++) {
      String id = "n" + (i + 1);
      String host = NODE_HOSTS.get(i);
      Path data = Files.createDirectories(dir.resolve(id));
      add(
          id,
          host,
          data.resolve("node.log"),
          List.of(
              "node",
              "--id",
              id,
              "--listen",
              ip(host) + ":" + NODE_PORT,
              "--data",
              data.toString(),
              "--config",
              configAddresses(),
              "--durability",
              "fsync"));
    }
  }

  private void add(String id, String host, Path log, List<String> args) throws IOException {
    List<String> argv = new ArrayList<>(java());
    argv.addAll(args);
    RingstoreProcess process = new RingstoreProcess(id, host, argv, log, net);
    processes.put(id, process);
    process.start();
  }

  String configAddresses() {
    return String.join(",", CONFIG_HOSTS.stream().map(h -> ip(h) + ":" + CONFIG_PORT).toList());
  }

  String nodeAddresses() {
    return String.join(",", NODE_HOSTS.stream().map(h -> ip(h) + ":" + NODE_PORT).toList());
  }

  /** The process with id {@code n1}..{@code n5} or {@code c1}..{@code c3}. */
  RingstoreProcess process(String id) {
    RingstoreProcess process = processes.get(id);
    if (process == null) {
      throw new IllegalArgumentException("no process " + id + " in " + processes.keySet());
    }
    return process;
  }

  /** The config replicas' logs, for {@link LeaderTerms}. */
  List<Path> configLogs() {
    return List.of("c1", "c2", "c3").stream().map(id -> processes.get(id).log()).toList();
  }

  /** The directory each process keeps its data and log in. */
  Path dir() {
    return dir;
  }

  private void bootstrap(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> join = new ArrayList<>(List.of("plan", "join"));
    for (int i = 1; i <= NODE_HOSTS.size(); i++) {
      join.add("n" + i);
    }
    join.addAll(List.of("--config", configAddresses()));
    boolean planned = false;
    while (System.nanoTime() < deadline) {
      if (!planned) {
        planned = cli(join) && cli(List.of("commit", "--config", configAddresses()));
      } else if (cli(List.of("put", "faults-probe", "ok", "--config", configAddresses()))) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "the five-node cluster did not take a write within " + timeout.toSeconds() + " s");
  }

  /** Runs a {@code ringstore} client command on the first client host; true when it exits 0. */
  private boolean cli(List<String> args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(java());
    argv.addAll(args);
    Process p =
        new ProcessBuilder(net.command(FaultSuite.CLIENT_HOSTS.get(0), argv))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  private List<String> java() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx384m", "-jar", jar.toString());
  }

  private String ip(String host) {
    return net.address(host).getHostAddress();
  }

  /** Undoes every fault: the network whole, paused processes resumed, killed ones started. */
  void healAll() {
    net.heal();
    processes.values().forEach(RingstoreProcess::resume);
    processes.values().forEach(RingstoreProcess::restart);
  }

  /** Resumes paused processes, then stops every process (the network's close kills leftovers). */
  @Override
  public void close() {
    processes.values().forEach(RingstoreProcess::resume);
    processes.values().forEach(RingstoreProcess::stop);
  }
}
