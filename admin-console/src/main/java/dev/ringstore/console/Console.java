package dev.ringstore.console;

import dev.ringstore.console.action.ChangeActions;
import dev.ringstore.console.action.KeyActions;
import dev.ringstore.console.cluster.ClusterGatherer;
import dev.ringstore.console.cluster.ConfigReplicas;
import dev.ringstore.console.cluster.NodeReports;
import dev.ringstore.console.http.HttpAccess;
import dev.ringstore.console.http.StaticAssets;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.security.ClientSecurity;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * One admin console: its clients of the cluster (the config service, the nodes' HTTP reports, the
 * node protocol for keys), the gatherer that keeps the picture fresh, and the routes that serve the
 * API and the pages. A node mounts {@link #routes()} on its HTTP port; {@link ConsoleServer} serves
 * them on a port of their own.
 */
public final class Console implements AutoCloseable {
  private final ProtocolClient protocol;
  private final ConfigReplicas config;
  private final ScheduledExecutorService scheduler;
  private final ClusterGatherer gatherer;
  private final ConsoleRoutes routes;
  private final HttpAccess access;

  private Console(ConsoleSettings settings) {
    this.protocol =
        ProtocolClient.create(ProtocolLimits.defaults(), 1, ClientSecurity.of(settings.security()));
    this.access = HttpAccess.of(settings.security(), Optional.ofNullable(settings.token()));
    this.config =
        new ConfigReplicas(protocol, settings.config(), settings.clock(), settings.timeout());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("ringstore-console", true));
    NodeReports nodes = new NodeReports(settings.timeout(), settings.security());
    this.gatherer =
        new ClusterGatherer(config, nodes, settings.clock(), scheduler, settings.every());
    this.routes =
        new ConsoleRoutes(
            gatherer,
            nodes,
            new ChangeActions(config.service()),
            new KeyActions(protocol, settings.timeout()),
            access,
            new StaticAssets());
  }

  public static Console start(ConsoleSettings settings) {
    return new Console(settings);
  }

  /** The API under /api/v1/ and the pages under /console/, to add to an HTTP server. */
  public Consumer<HttpServerRoutes> routes() {
    return routes::addTo;
  }

  /** Who may do what on the port that serves {@link #routes()}: its gate and its action check. */
  public HttpAccess access() {
    return access;
  }

  @Override
  public void close() {
    gatherer.close();
    scheduler.shutdownNow();
    config.close();
    protocol.close();
  }
}
