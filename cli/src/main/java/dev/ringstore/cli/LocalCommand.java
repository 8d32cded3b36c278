package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.cli.LocalStart.StartFailure;
import dev.ringstore.node.storage.Durability;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore local}: a whole development cluster on this machine — config-service replicas
 * and nodes, one OS process each — in the foreground until Ctrl-C or SIGTERM, which stop them all
 * cleanly. The first run commits the cluster's first table; started again on the same directory it
 * brings back the same cluster with its data and table. See docs/local.md.
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a development cluster on this machine, one process per node and replica.",
      "Node K (n1..nK) listens on 127.0.0.1:(P+K-1), serves HTTP on P+1000+K-1 and",
      "keeps its data and node.log in DIR/nK. Config replica K (c1..cK) talks Raft on",
      "P+500+K-1, serves clients on P+600+K-1 and keeps its Raft log and config.log in",
      "DIR/cK. The first run plans and commits the join of every node (table v1).",
      "Writes DIR/local-cluster.json, which client commands without --via or --config",
      "read. Ctrl-C stops every process; running it again on the same DIR brings the",
      "same cluster back (docs/local.md). With --json, the line printed once everything",
      "serves is one JSON object: {\"data\", \"durability\", \"processes\": [...],",
      "\"tableVersion\", \"configLeader\", \"joining\"}; later events go to standard error."
    })
final class LocalCommand implements Callable<Integer> {
  static final int MAX_NODES = 16;
  static final List<Integer> CONFIG_REPLICA_COUNTS = List.of(0, 1, 3, 5);
  static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  @Spec CommandSpec spec;

  @Option(
      names = "--nodes",
      paramLabel = "K",
      defaultValue = "3",
      description = "Nodes, n1..nK (1 to " + MAX_NODES + "). Default: ${DEFAULT-VALUE}.")
  int nodes;

  @Option(
      names = "--config-replicas",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Config-service replicas, c1..cK: 1, 3 or 5; 0 runs no config service and gives the"
              + " nodes a static --peers list instead. Default: ${DEFAULT-VALUE}.")
  int configReplicas;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = LocalClusterFile.DEFAULT_DIR,
      description = "The cluster's directory. Default: ${DEFAULT-VALUE}.")
  Path data;

  @Option(
      names = "--base-port",
      paramLabel = "P",
      defaultValue = "7201",
      description =
          "Node K's protocol port is P+K-1, its HTTP port P+1000+K-1; config replica K's Raft"
              + " port P+500+K-1, its client port P+600+K-1. Default: 7201.")
  int basePort;

  @Option(
      names = "--durability",
      defaultValue = "async",
      paramLabel = "fsync|async",
      converter = NodeCommand.DurabilityOption.class,
      description = "Every node's durability (docs/node.md). Default: ${DEFAULT-VALUE}.")
  Durability durability;

  @Option(
      names = "--tls",
      description =
          "Secure every port: make a CA and certificates in DATA/certs (kept across restarts), run"
              + " every process with TLS and mutual TLS, and let the CLI use the admin certificate.")
  boolean tls;

  @Option(
      names = "--json",
      description =
          "Once everything serves, print one JSON object instead of the summary; later events"
              + " (a process that exits, the stop) go to standard error.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    validate();
    Path dir = data.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    refuseIfRunning(dir);
    requireSameConfigService(dir);
    LocalPorts ports = new LocalPorts(basePort);
    ports.requireFree(nodes, configReplicas);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter events = json ? spec.commandLine().getErr() : out;
    LocalCluster cluster =
        new LocalCluster(dir, events, tls ? LocalCertificates.prepare(dir) : null);
    Thread stopper = new Thread(cluster::stop, "ringstore-local-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    JsonNode config;
    try {
      config =
          LocalStart.run(
              cluster,
              ports,
              nodes,
              configReplicas,
              durability.name().toLowerCase(Locale.ROOT),
              START_TIMEOUT);
    } catch (StartFailure failure) {
      return startFailed(cluster, stopper, failure);
    }
    cluster.describe().write(dir);
    out.print(
        json
            ? LocalSummary.json(dir, durability, cluster.describe(), config, cluster.consoleUrl())
                + "\n"
            : LocalSummary.of(
                dir, data, durability, cluster.describe(), config, cluster.consoleUrl()));
    out.flush();
    cluster.watch().join();
    if (cluster.isStopping()) {
      return 0; // the shutdown hook stops the rest and the JVM exits with the signal's code
    }
    events.println("every node has exited; see their node.log files");
    cluster.stop();
    Runtime.getRuntime().removeShutdownHook(stopper);
    return Ringstore.EXIT_FAILURE;
  }

  private void validate() {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new ParameterException(
          spec.commandLine(), "--nodes must be from 1 to " + MAX_NODES + ", not " + nodes);
    }
    if (!CONFIG_REPLICA_COUNTS.contains(configReplicas)) {
      throw new ParameterException(
          spec.commandLine(), "--config-replicas must be 0, 1, 3 or 5, not " + configReplicas);
    }
    int highest = LocalPorts.highestBase(nodes);
    if (basePort < 1 || basePort > highest) {
      throw new ParameterException(
          spec.commandLine(),
          "--base-port must be from 1 to " + highest + " for " + nodes + " nodes, not " + basePort);
    }
  }

  private static void refuseIfRunning(Path dir) {
    List<LocalProcess> running =
        LocalClusterFile.read(dir).map(LocalClusterFile::running).orElse(List.of());
    if (!running.isEmpty()) {
      throw new IllegalStateException(
          "a local cluster from "
              + dir
              + " is still running ("
              + running.stream()
                  .map(p -> p.id() + " pid " + p.pid())
                  .collect(Collectors.joining(", "))
              + "): stop it first (Ctrl-C where it runs, or kill "
              + running.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(" "))
              + ")");
    }
  }

  /** A directory that holds a config service keeps its number of replicas (Raft's group). */
  private void requireSameConfigService(Path dir) {
    int earlier = 0;
    while (earlier < 5 && Files.isDirectory(dir.resolve("c" + (earlier + 1)))) {
      earlier++;
    }
    if (earlier > 0 && earlier != configReplicas) {
      throw new ParameterException(
          spec.commandLine(),
          dir
              + " holds a config service of "
              + earlier
              + " replica"
              + (earlier == 1 ? "" : "s")
              + " (c1..c"
              + earlier
              + ") from an earlier run: start it with --config-replicas "
              + earlier
              + ", or use another --data");
    }
  }

  private int startFailed(LocalCluster cluster, Thread stopper, StartFailure failure) {
    PrintWriter err = spec.commandLine().getErr();
    if (failure.server().isPresent()) {
      LocalServer server = failure.server().get();
      err.printf(
          "ringstore: %s %s %s; the end of %s and %s:%n",
          server.kind(),
          server.id(),
          failure.getMessage(),
          server.child().log(),
          server.child().output());
      server.child().logTail(15).forEach(line -> err.println("  " + line));
    } else {
      err.println("ringstore: " + failure.getMessage());
    }
    cluster.stop();
    Runtime.getRuntime().removeShutdownHook(stopper);
    return Ringstore.EXIT_FAILURE;
  }
}
