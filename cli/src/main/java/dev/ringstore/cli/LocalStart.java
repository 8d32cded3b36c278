package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code ringstore local} brings its cluster up, within one deadline: the config replicas
 * (until their client ports accept connections), then the nodes, then — with a config service — the
 * first table ({@link LocalTableBootstrap}), then until every node accepts connections, and until
 * every node routes by a table of all of them and reaches every member ({@link LocalReadiness}): a
 * cluster reported started takes writes at the default quorum.
 */
final class LocalStart {
  private LocalStart() {}

  /**
   * Starts everything; returns the config service's status, or null for a static cluster.
   *
   * @throws StartFailure when a process exits or does not serve in time
   */
  static JsonNode run(
      LocalCluster cluster,
      LocalPorts ports,
      int nodes,
      int configReplicas,
      String durability,
      Duration timeout)
      throws StartFailure, IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    cluster.startConfigService(configReplicas, ports);
    failIfPresent(cluster.awaitConfigService(left(deadline)), timeout);
    cluster.startNodes(nodes, ports, durability);
    JsonNode config = configReplicas == 0 ? null : LocalTableBootstrap.run(cluster, left(deadline));
    failIfPresent(cluster.awaitNodes(left(deadline)), timeout);
    Optional<String> waiting = cluster.awaitNodesReady(left(deadline));
    if (waiting.isPresent()) {
      throw new StartFailure("not ready within " + timeout.toSeconds() + "s: " + waiting.get());
    }
    return config;
  }

  private static void failIfPresent(Optional<LocalServer> failed, Duration timeout)
      throws StartFailure {
    if (failed.isPresent()) {
      LocalServer server = failed.get();
      throw server.child().process().isAlive()
          ? new StartFailure(
              server, "did not accept connections within " + timeout.toSeconds() + "s")
          : StartFailure.exited(server);
    }
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  /** The cluster could not start: a process exited or did not serve, or it got no table. */
  static final class StartFailure extends Exception {
    private final transient LocalServer server;

    StartFailure(String message) {
      this(null, message);
    }

    StartFailure(LocalServer server, String message) {
      super(message);
      this.server = server;
    }

    static StartFailure exited(LocalServer server) {
      return new StartFailure(
          server, "exited with code " + server.child().process().exitValue() + " while starting");
    }

    /** The process to blame, whose log tail is worth showing; empty when no one process is. */
    Optional<LocalServer> server() {
      return Optional.ofNullable(server);
    }
  }
}
