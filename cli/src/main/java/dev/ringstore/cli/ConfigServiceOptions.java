package dev.ringstore.cli;

import dev.ringstore.security.ClientSecurity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of the commands that talk only to the config service ({@code ring}, {@code plan}, {@code
 * commit}): its replicas' client addresses ({@code --config}, or the local cluster found from
 * {@code --data}), how long one replica may take, JSON output.
 */
final class ConfigServiceOptions {
  @Option(
      names = "--config",
      split = ",",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description =
          "The config replicas' client addresses, comma-separated; any one that answers will do."
              + " Default: the config replicas of the local cluster.")
  List<InetSocketAddress> config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = LocalClusterFile.DEFAULT_DIR,
      description =
          "Without --config: the data directory of the `ringstore local` cluster to talk to."
              + " Default: ${DEFAULT-VALUE}.")
  Path data;

  @Option(
      names = "--timeout",
      converter = DurationOption.class,
      paramLabel = "DURATION",
      description = "How long one config replica may take to answer. Default: 10s.")
  Duration timeout;

  @Option(names = "--json", description = "Print the service's JSON instead of a summary.")
  boolean json;

  @Mixin TlsOptions tls = new TlsOptions();

  /** The TLS flags, else the local cluster's admin certificate when it runs with TLS. */
  ClientSecurity security() {
    return tls.client(LocalClusterFile.read(data).flatMap(LocalClusterFile::adminTls));
  }

  /** Connects to the config service; fails naming what it tried when there is none. */
  ConfigServiceConnection connect() {
    return ConfigServiceConnection.open(
        ConfigServiceDiscovery.require(config, data),
        ConfigServiceConnection.wait(timeout),
        security());
  }
}
