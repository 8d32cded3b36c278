package dev.ringstore.bench.partition;

import dev.ringstore.testhosts.TestNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A five-node Ringstore on test hosts, started as an operator would on five machines: config
 * replicas c1..c3 on the first, third and fourth host (so the config service keeps its majority on
 * the larger side of a 2|3 split — it is never on the data path either way), node nK on host K,
 * fsync durability, every other setting at its default; then the join of all five nodes planned and
 * committed with the {@code ringstore} command, and the cluster probed until a write succeeds.
 */
final class RingstoreHosts implements AutoCloseable {
  static final int NODE_PORT = 7201;
  static final int CONFIG_PORT = 7801;
  private static final int RAFT_PORT = 7701;

  private final TestNetwork net;
  private final Path jar;
  private final List<String> hosts;
  private final List<Process> processes = new ArrayList<>();

  private final Path dir;

  private RingstoreHosts(TestNetwork net, Path jar, List<String> hosts, Path dir) {
    this.net = net;
    this.jar = jar;
    this.hosts = hosts;
    this.dir = dir;
  }

  /** Starts config replicas on hosts 1, 3, 4 and a node on every host of {@code hosts}. */
  static RingstoreHosts start(TestNetwork net, Path jar, List<String> hosts, Path dir)
      throws IOException, InterruptedException {
    RingstoreHosts cluster = new RingstoreHosts(net, jar, hosts, dir);
    List<String> configHosts = List.of(hosts.get(0), hosts.get(2), hosts.get(3));
    List<String> peers = new ArrayList<>();
    for (int i = 0; i < configHosts.size(); i++) {
      peers.add("c" + (i + 1) + "=" + cluster.ip(configHosts.get(i)) + ":" + RAFT_PORT);
    }
    for (int i = 0; i < configHosts.size(); i++) {
      String host = configHosts.get(i);
      Path data = Files.createDirectories(dir.resolve("c" + (i + 1)));
      cluster.launch(
          host,
          data.resolve("config.log"),
          "config-server",
          "--id",
          "c" + (i + 1),
          "--peers",
          String.join(",", peers),
          "--listen",
          cluster.ip(host) + ":" + CONFIG_PORT,
          "--data",
          data.toString());
    }
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      Path data = Files.createDirectories(dir.resolve("n" + (i + 1)));
      cluster.launch(
          host,
          data.resolve("node.log"),
          "node",
          "--id",
          "n" + (i + 1),
          "--listen",
          cluster.ip(host) + ":" + NODE_PORT,
          "--data",
          data.toString(),
          "--config",
          cluster.configAddresses(),
          "--durability",
          "fsync");
    }
    cluster.bootstrap(Duration.ofMinutes(2));
    return cluster;
  }

  String configAddresses() {
    List<String> addresses = new ArrayList<>();
    for (int i : new int[] {0, 2, 3}) {
      addresses.add(ip(hosts.get(i)) + ":" + CONFIG_PORT);
    }
    return String.join(",", addresses);
  }

  String nodeAddresses() {
    return String.join(",", hosts.stream().map(h -> ip(h) + ":" + NODE_PORT).toList());
  }

  private void bootstrap(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> join = new ArrayList<>(List.of("plan", "join"));
    for (int i = 1; i <= hosts.size(); i++) {
      join.add("n" + i);
    }
    join.addAll(List.of("--config", configAddresses()));
    boolean planned = false;
    while (System.nanoTime() < deadline) {
      if (!planned) {
        planned = cli(join) && cli(List.of("commit", "--config", configAddresses()));
      } else if (cli(List.of("put", "partition-probe", "ok", "--config", configAddresses()))) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "the five-node cluster did not take a write within " + timeout.toSeconds() + " s");
  }

  /** Runs a {@code ringstore} client command on the fourth host; true when it exits 0. */
  private boolean cli(List<String> args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(java());
    argv.addAll(args);
    Process p =
        new ProcessBuilder(net.command(hosts.get(3), argv))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  private void launch(String host, Path log, String... args) throws IOException {
    List<String> argv = new ArrayList<>(java());
    argv.addAll(List.of(args));
    processes.add(net.start(host, argv, log));
  }

  private List<String> java() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-jar", jar.toString());
  }

  private String ip(String host) {
    return net.address(host).getHostAddress();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deleteAllButLogs();
  }

  /** The data goes with the cluster; the logs stay for whoever reads the results. */
  private void deleteAllButLogs() {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        boolean log = path.getFileName().toString().endsWith(".log") && Files.isRegularFile(path);
        boolean nonEmptyDir = false;
        if (Files.isDirectory(path)) {
          try (Stream<Path> children = Files.list(path)) {
            nonEmptyDir = children.findAny().isPresent();
          }
        }
        if (!log && !nonEmptyDir) {
          Files.deleteIfExists(path);
        }
      }
    } catch (IOException e) {
      System.err.println(
          "could not delete the Ringstore data under " + dir + ": " + e.getMessage());
    }
  }
}
