package dev.ringstore.cli;

import dev.ringstore.cli.LocalClusterDiscovery.ClusterNotFoundException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a client command finds the config service: the client addresses given with {@code
 * --config}, or else the config replicas (role {@value LocalProcess#CONFIG}) that {@code ringstore
 * local} recorded in {@code local-cluster.json}.
 */
final class ConfigServiceDiscovery {
  private ConfigServiceDiscovery() {}

  /**
   * The addresses to try, resolved; empty when none were given and the local cluster runs without a
   * config service (its nodes have a static member list).
   *
   * @throws ClusterNotFoundException when none were given and there is no local cluster
   */
  static List<InetSocketAddress> addresses(List<InetSocketAddress> given, Path dataDir) {
    if (given != null && !given.isEmpty()) {
      return given.stream()
          .map(a -> new InetSocketAddress(a.getHostString(), a.getPort()))
          .toList();
    }
    LocalClusterFile cluster =
        LocalClusterFile.read(dataDir)
            .orElseThrow(
                () ->
                    new ClusterNotFoundException(
                        "no --config given and no local cluster in "
                            + dataDir
                            + ": start one with `"
                            + LocalClusterDiscovery.startCommand(dataDir)
                            + "`"));
    return cluster.configReplicas().stream().map(LocalProcess::listenAddress).toList();
  }

  /** Like {@link #addresses}, but a cluster without a config service is an error. */
  static List<InetSocketAddress> require(List<InetSocketAddress> given, Path dataDir) {
    List<InetSocketAddress> found = addresses(given, dataDir);
    if (found.isEmpty()) {
      throw new ClusterNotFoundException(
          "the local cluster in "
              + dataDir
              + " runs without a config service (its nodes have a static --peers list): start"
              + " it with --config-replicas 1, 3 or 5, or give --config HOST:PORT,...");
    }
    return found;
  }
}
