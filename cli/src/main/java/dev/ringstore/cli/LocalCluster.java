package dev.ringstore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The node processes of one {@code ringstore local} run: started together with the same peer list,
 * watched (a node that exits on its own is reported), and stopped together with SIGTERM.
 */
final class LocalCluster {
  /** How long a node gets to shut down cleanly after SIGTERM before it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path dir;
  private final PrintWriter out;
  private final List<LocalNode> nodes = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();

  LocalCluster(Path dir, PrintWriter out) {
    this.dir = dir;
    this.out = out;
  }

  /** Starts node n1..nK in {@code dir}/nK, node K listening on {@code basePort + K - 1}. */
  void start(int count, int basePort, String durability) throws IOException {
    List<String> peers = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      peers.add("n" + k + "=" + LocalNode.hostPort(protocolAddress(basePort, k)));
    }
    List<String> arguments =
        List.of("--peers", String.join(",", peers), "--durability", durability);
    for (int k = 1; k <= count; k++) {
      InetSocketAddress http = new InetSocketAddress("127.0.0.1", basePort + 1000 + k - 1);
      nodes.add(
          LocalNode.start(
              "n" + k, protocolAddress(basePort, k), http, dir.resolve("n" + k), arguments));
    }
  }

  static InetSocketAddress protocolAddress(int basePort, int k) {
    return new InetSocketAddress("127.0.0.1", basePort + k - 1);
  }

  /** The first node that exits or fails to listen within {@code timeout}; null when all listen. */
  LocalNode awaitListening(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (LocalNode node : nodes) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!node.awaitListening(left)) {
        return node;
      }
    }
    return null;
  }

  List<LocalNode> nodes() {
    return List.copyOf(nodes);
  }

  LocalClusterFile describe() {
    return new LocalClusterFile(nodes.stream().map(LocalNode::describe).toList());
  }

  /**
   * Reports every node that exits while the cluster is not stopping, and completes when all have
   * exited. A short delay lets a Ctrl-C, which reaches the nodes too, set {@code stopping} first.
   */
  CompletableFuture<Void> watch() {
    List<CompletableFuture<?>> exits = new ArrayList<>();
    for (LocalNode node : nodes) {
      exits.add(
          node.process()
              .onExit()
              .thenAcceptAsync(
                  exited -> {
                    if (!stopping.get()) {
                      out.printf(
                          "node %s (pid %d) exited on its own with code %d; its log: %s%n",
                          node.id(), exited.pid(), exited.exitValue(), node.log());
                    }
                  },
                  CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)));
    }
    return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new));
  }

  boolean isStopping() {
    return stopping.get();
  }

  /**
   * Stops every node that still runs (SIGTERM, then up to {@link #STOP_GRACE} each) and removes
   * {@code local-cluster.json}. Only the first call does anything.
   */
  void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    List<LocalNode> running = nodes.stream().filter(n -> n.process().isAlive()).toList();
    if (!running.isEmpty()) {
      out.printf("stopping %d node%s ...%n", running.size(), running.size() == 1 ? "" : "s");
    }
    running.forEach(LocalNode::terminate);
    try {
      for (LocalNode node : running) {
        node.awaitExit(STOP_GRACE);
      }
      LocalClusterFile.delete(dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      out.println("could not remove " + dir.resolve(LocalClusterFile.NAME) + ": " + e);
    }
    out.println("stopped");
  }
}
