package dev.ringstore.cli;

import dev.ringstore.node.storage.Durability;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * {@code ringstore local}: a whole development cluster on this machine, one OS process per node, in
 * the foreground until Ctrl-C or SIGTERM, which stop every node cleanly. Started again on the same
 * directory it brings back the same nodes with their data. See docs/local.md.
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a development cluster on this machine, one process per node.",
      "Node K (n1..nK) listens on 127.0.0.1:(P+K-1), serves HTTP on P+1000+K-1, and keeps",
      "its data and node.log in DIR/nK. Writes DIR/local-cluster.json, which client",
      "commands without --via read. Ctrl-C stops every node; running it again on the",
      "same DIR brings them back with their data (docs/local.md)."
    })
final class LocalCommand implements Callable<Integer> {
  static final int MAX_NODES = 16;
  static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  @Spec CommandSpec spec;

  @Option(
      names = "--nodes",
      paramLabel = "K",
      defaultValue = "3",
      description = "Nodes, n1..nK (1 to " + MAX_NODES + "). Default: ${DEFAULT-VALUE}.")
  int nodes;

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
      description = "Node K's protocol port is P+K-1, its HTTP port P+1000+K-1. Default: 7201.")
  int basePort;

  @Option(
      names = "--durability",
      defaultValue = "async",
      paramLabel = "fsync|async",
      converter = NodeCommand.DurabilityOption.class,
      description = "Every node's durability (docs/node.md). Default: ${DEFAULT-VALUE}.")
  Durability durability;

  @Override
  public Integer call() throws Exception {
    validate();
    Path dir = data.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    refuseIfRunning(dir);
    requireFreePorts();
    PrintWriter out = spec.commandLine().getOut();
    LocalCluster cluster = new LocalCluster(dir, out);
    Thread stopper = new Thread(cluster::stop, "ringstore-local-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    cluster.start(nodes, basePort, durability.name().toLowerCase(Locale.ROOT));
    LocalNode failed = cluster.awaitListening(START_TIMEOUT);
    if (failed != null) {
      return startFailed(cluster, stopper, failed);
    }
    cluster.describe().write(dir);
    out.print(LocalSummary.of(dir, data, durability, cluster.describe()));
    out.flush();
    cluster.watch().join();
    if (cluster.isStopping()) {
      return 0; // the shutdown hook stops the rest and the JVM exits with the signal's code
    }
    out.println("every node has exited; see their node.log files");
    cluster.stop();
    Runtime.getRuntime().removeShutdownHook(stopper);
    return Ringstore.EXIT_FAILURE;
  }

  private void validate() {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new ParameterException(
          spec.commandLine(), "--nodes must be from 1 to " + MAX_NODES + ", not " + nodes);
    }
    int highest = 65_535 - 1000 - (nodes - 1);
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

  private void requireFreePorts() throws IOException {
    for (int k = 1; k <= nodes; k++) {
      requireFree(basePort + k - 1, "n" + k + "'s protocol port");
      requireFree(basePort + 1000 + k - 1, "n" + k + "'s HTTP port");
    }
  }

  private static void requireFree(int port, String what) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (java.net.BindException inUse) {
      throw new IllegalStateException(
          "port " + port + " (" + what + ") is in use: choose other ports with --base-port");
    }
  }

  private int startFailed(LocalCluster cluster, Thread stopper, LocalNode failed) {
    PrintWriter err = spec.commandLine().getErr();
    boolean exited = !failed.process().isAlive();
    err.printf(
        "ringstore: node %s %s; the end of %s:%n",
        failed.id(),
        exited
            ? "exited with code " + failed.process().exitValue() + " while starting"
            : "did not accept connections within " + START_TIMEOUT.toSeconds() + "s",
        failed.log());
    failed.logTail(15).forEach(line -> err.println("  " + line));
    cluster.stop();
    Runtime.getRuntime().removeShutdownHook(stopper);
    return Ringstore.EXIT_FAILURE;
  }
}
