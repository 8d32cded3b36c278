package dev.ringstore.cli;

import dev.ringstore.client.NodeClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every client command shares: which node to talk to, how long to wait, JSON output. */
final class ClientOptions {
  @Option(
      names = "--via",
      required = true,
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description = "The node to send the request to.")
  InetSocketAddress via;

  @Option(
      names = "--timeout",
      defaultValue = "5s",
      converter = DurationOption.class,
      description = "How long to wait for the reply, e.g. 500ms, 5s. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--json", description = "Print JSON instead of human output.")
  boolean json;

  NodeClient connect() {
    return NodeClient.connect(new InetSocketAddress(via.getHostString(), via.getPort()), timeout);
  }
}
