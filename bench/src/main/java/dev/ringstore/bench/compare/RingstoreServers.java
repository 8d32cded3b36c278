package dev.ringstore.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.bench.ycsb.RingstoreConnection;
import dev.ringstore.bench.ycsb.RingstoreYcsbDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import site.ycsb.DB;

/**
 * A Ringstore cluster started the way a user starts one: {@code ringstore local} from the runnable
 * jar (three nodes, a three-replica config service, every default on: gossip, anti-entropy, hinted
 * handoff), with a fresh data directory and the given durability. Its server processes are the
 * nodes and config replicas that {@code local-cluster.json} names; the launcher itself only watches
 * them and is not counted. With TLS ({@code local --tls}) every port speaks mutual TLS and the load
 * generator connects with the admin certificate from the cluster's {@code certs} directory, so the
 * comparison can show what TLS costs per operation.
 */
final class RingstoreServers implements ServerCluster {
  private final Process launcher;
  private final Path data;
  private final List<Long> pids;
  private final String configAddresses;
  private final String nodeAddresses;
  private final Path certs; // null: plain TCP
  private RingstoreConnection connection;

  private RingstoreServers(
      Process launcher, Path data, List<Long> pids, String config, String nodes, Path certs) {
    this.certs = certs;
    this.launcher = launcher;
    this.data = data;
    this.pids = List.copyOf(pids);
    this.configAddresses = config;
    this.nodeAddresses = nodes;
  }

  /**
   * Starts {@code nodes} nodes and 3 config replicas on ports from {@code basePort}, with TLS on
   * every port if {@code tls}.
   */
  static RingstoreServers start(
      Path jar,
      int nodes,
      String durability,
      int basePort,
      Path data,
      Duration timeout,
      boolean tls)
      throws IOException, InterruptedException {
    Files.createDirectories(data);
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-jar", jar.toString(), "local", "--nodes", Integer.toString(nodes)));
    argv.addAll(List.of("--config-replicas", "3", "--durability", durability));
    argv.addAll(List.of("--base-port", Integer.toString(basePort), "--data", data.toString()));
    if (tls) {
      argv.add("--tls");
    }
    Process launcher =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("local.log").toFile())
            .start();
    Path file = data.resolve("local-cluster.json");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file)) {
      if (!launcher.isAlive() || System.nanoTime() > deadline) {
        launcher.destroy();
        throw new IllegalStateException(
            "ringstore local did not start; the end of its log:\n"
                + tail(data.resolve("local.log")));
      }
      Thread.sleep(200);
    }
    JsonNode cluster = new ObjectMapper().readTree(file.toFile());
    List<Long> pids = new ArrayList<>();
    List<String> config = new ArrayList<>();
    List<String> nodeList = new ArrayList<>();
    for (JsonNode process : cluster.get("processes")) {
      pids.add(process.get("pid").asLong());
      String listen = process.get("listen").asText();
      (process.get("role").asText().equals("config") ? config : nodeList).add(listen);
    }
    Path certs = null;
    if (tls) {
      if (!cluster.hasNonNull("certs")) {
        launcher.destroy();
        throw new IllegalStateException("ringstore local --tls wrote no certs to " + file);
      }
      certs = Path.of(cluster.get("certs").asText());
    }
    return new RingstoreServers(
        launcher, data, pids, String.join(",", config), String.join(",", nodeList), certs);
  }

  @Override
  public String system() {
    return certs == null ? RunResult.RINGSTORE : RunResult.RINGSTORE_TLS;
  }

  @Override
  public List<Long> serverPids() {
    return pids;
  }

  /** The config service's client addresses, HOST:PORT,... */
  String configAddresses() {
    return configAddresses;
  }

  @Override
  public synchronized DB newDb(Properties properties) {
    if (connection == null) {
      Properties withCluster = new Properties();
      withCluster.putAll(properties);
      withCluster.setProperty("ringstore.config", configAddresses);
      withCluster.setProperty("ringstore.seeds", nodeAddresses);
      if (certs != null) {
        withCluster.setProperty("ringstore.ca", certs.resolve("ca.crt").toString());
        withCluster.setProperty("ringstore.cert", certs.resolve("admin.crt").toString());
        withCluster.setProperty("ringstore.key", certs.resolve("admin.key").toString());
      }
      connection = RingstoreConnection.open(withCluster);
    }
    return new RingstoreYcsbDb(connection);
  }

  @Override
  public synchronized long siblingReads() {
    return connection == null ? 0 : connection.siblingReads();
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    launcher.destroy();
    try {
      if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      Processes.deleteTree(data);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
