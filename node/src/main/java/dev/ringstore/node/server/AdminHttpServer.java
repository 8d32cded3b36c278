package dev.ringstore.node.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The node's HTTP port (reactor-netty): {@code GET /metrics} in Prometheus text format, {@code GET
 * /health} as JSON, and the routes given to {@link #start}: the node's own report and the admin
 * console with its API (docs/console.md). Scrapes run off the event loop, since some gauges read
 * RocksDB properties.
 */
public final class AdminHttpServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final DisposableServer server;

  private AdminHttpServer(DisposableServer server) {
    this.server = server;
  }

  /**
   * Binds and starts serving.
   *
   * @param health what /health reports, as a JSON object; called per request
   * @param more further routes, each adding its own paths
   */
  public static AdminHttpServer start(
      InetSocketAddress address,
      PrometheusMeterRegistry registry,
      Supplier<Map<String, Object>> health,
      List<Consumer<HttpServerRoutes>> more) {
    ObjectMapper json = new ObjectMapper();
    DisposableServer server =
        HttpServer.create()
            .host(address.getHostString())
            .port(address.getPort())
            .route(
                routes -> {
                  routes
                      .get(
                          "/metrics",
                          (request, response) ->
                              response
                                  .header(HttpHeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT)
                                  .sendString(
                                      Mono.fromCallable(registry::scrape)
                                          .subscribeOn(Schedulers.boundedElastic())))
                      .get(
                          "/health",
                          (request, response) ->
                              response
                                  .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                  .sendString(
                                      Mono.fromCallable(() -> json.writeValueAsString(health.get()))
                                          .subscribeOn(Schedulers.boundedElastic())));
                  more.forEach(contributor -> contributor.accept(routes));
                })
            .bindNow(Duration.ofSeconds(10));
    return new AdminHttpServer(server);
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.address();
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
