package dev.ringstore.cli;

import dev.ringstore.client.NodeClient;
import dev.ringstore.security.ClientSecurity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options every client command shares: which node to talk to ({@code --via}; or a member of the
 * table the config service at {@code --config} hands out; or a node of the local cluster found from
 * {@code --data}), how long the request may take, JSON output.
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
      names = "--config",
      split = ",",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description =
          "Without --via: the config replicas' client addresses, comma-separated; the request goes"
              + " to the first node of the key's preference list in the table they hand out (the"
              + " next one if it does not answer).")
  List<InetSocketAddress> config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = LocalClusterFile.DEFAULT_DIR,
      description =
          "Without --via and --config: the data directory of the `ringstore local` cluster to"
              + " talk to."
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

  @Mixin TlsOptions tls = new TlsOptions();

  /**
   * How to connect: the TLS flags when given, else the local cluster's admin certificate when it
   * runs with TLS, else plain TCP.
   */
  ClientSecurity security() {
    try {
      return tls.client(LocalClusterFile.read(data).flatMap(LocalClusterFile::adminTls));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The --timeout given, zero when none (the node's default). */
  Duration requestTimeout() {
    if (timeout != null && timeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive");
    }
    return timeout == null ? Duration.ZERO : timeout;
  }

  /** A client of the node to ask when the request has no key ({@code status}). */
  NodeClient connect() {
    return connect(null);
  }

  /**
   * A client of the node to ask: --via; else, with --config, the first node of the key's preference
   * list that accepts a connection (the next one when it does not); else a node of the local
   * cluster.
   */
  NodeClient connect(byte[] key) {
    Duration wait = timeout == null || timeout.isZero() ? DEFAULT_WAIT : timeout;
    if (via != null) {
      return NodeClient.connect(
          new InetSocketAddress(via.getHostString(), via.getPort()), wait, security());
    }
    if (config != null && !config.isEmpty()) {
      try (ConfigServiceConnection service =
          ConfigServiceConnection.open(
              ConfigServiceDiscovery.addresses(config, data),
              ConfigServiceConnection.wait(timeout),
              security())) {
        return service.connectToNode(wait, key);
      }
    }
    return LocalClusterDiscovery.connect(data, wait, security());
  }

  /**
   * The config service to ask beside the node: --config, or without --via the local cluster's
   * config replicas. Empty when there is none to ask (--via alone, or a static local cluster).
   */
  List<InetSocketAddress> configService() {
    if (config != null && !config.isEmpty()) {
      return ConfigServiceDiscovery.addresses(config, data);
    }
    if (via != null) {
      return List.of();
    }
    return LocalClusterFile.read(data)
        .map(file -> file.configReplicas().stream().map(LocalProcess::listenAddress).toList())
        .orElse(List.of());
  }
}
