package dev.ringstore.cli;

import dev.ringstore.client.NodeClient;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.security.ClientSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a client command without {@code --via} finds its cluster: it reads {@code local-cluster.json}
 * in the data directory and connects to the first node whose process is alive and accepts the
 * connection, trying the next one when it does not. Processes of other roles (config replicas) are
 * not nodes and are never tried.
 */
final class LocalClusterDiscovery {
  private LocalClusterDiscovery() {}

  static NodeClient connect(Path dataDir, Duration timeout) {
    return connect(dataDir, timeout, null);
  }

  /**
   * Connects with {@code security}; null: as the cluster itself says (its admin certificate when it
   * runs with TLS, else plain TCP).
   */
  static NodeClient connect(Path dataDir, Duration timeout, ClientSecurity security) {
    LocalClusterFile cluster =
        LocalClusterFile.read(dataDir)
            .orElseThrow(
                () ->
                    new ClusterNotFoundException(
                        "no --via given and no local cluster in "
                            + dataDir
                            + ": start one with `"
                            + startCommand(dataDir)
                            + "`"));
    ClientSecurity secured =
        security != null
            ? security
            : cluster.adminTls().map(ClientSecurity::certificate).orElse(ClientSecurity.none());
    List<String> failures = new ArrayList<>();
    for (LocalProcess node : cluster.nodes()) {
      if (!node.isRunning()) {
        failures.add(node.id() + " (pid " + node.pid() + ") is not running");
        continue;
      }
      try {
        return NodeClient.connect(node.listenAddress(), timeout, secured);
      } catch (RingstoreException e) {
        if (e.code() != ErrorCode.UNAVAILABLE) {
          throw e;
        }
        failures.add(node.id() + ": " + e.detail());
      }
    }
    throw new ClusterNotFoundException(
        "the local cluster in "
            + dataDir
            + " does not answer ("
            + String.join("; ", failures)
            + "): start it again with `"
            + startCommand(dataDir)
            + "`");
  }

  static String startCommand(Path dataDir) {
    return dataDir.equals(Path.of(LocalClusterFile.DEFAULT_DIR))
        ? "ringstore local"
        : "ringstore local --data " + dataDir;
  }

  /** No cluster to talk to: neither {@code --via} nor a running local cluster. */
  static final class ClusterNotFoundException extends RuntimeException {
    ClusterNotFoundException(String message) {
      super(message);
    }
  }
}
