package dev.ringstore.cli;

import dev.ringstore.client.NodeClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options every client command shares: which node to talk to ({@code --via}, or the local cluster
 * found from {@code --data}), how long the request may take, JSON output.
 */
final class ClientOptions {
  /** How long to connect, and to wait for a request that leaves its timeout to the node. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--via",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description = "The node to send the request to. Default: a node of the local cluster.")
  InetSocketAddress via;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = LocalClusterFile.DEFAULT_DIR,
      description =
          "Without --via: the data directory of the `ringstore local` cluster to talk to."
              + " Default: ${DEFAULT-VALUE}.")
  Path data;

  @Option(
      names = "--timeout",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description =
          "How long the node may take to gather its replies, e.g. 500ms, 5s (this end waits a"
              + " little longer). Default: the node's (5s).")
  Duration timeout;

  @Option(names = "--json", description = "Print JSON instead of human output.")
  boolean json;

  /** The --timeout given, zero when none (the node's default). */
  Duration requestTimeout() {
    if (timeout != null && timeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive");
    }
    return timeout == null ? Duration.ZERO : timeout;
  }

  NodeClient connect() {
    Duration wait = timeout == null || timeout.isZero() ? DEFAULT_WAIT : timeout;
    if (via != null) {
      return NodeClient.connect(new InetSocketAddress(via.getHostString(), via.getPort()), wait);
    }
    return LocalClusterDiscovery.connect(data, wait);
  }
}
