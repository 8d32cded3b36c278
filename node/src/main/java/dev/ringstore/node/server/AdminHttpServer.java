package dev.ringstore.node.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.console.http.HttpAccess;
import dev.ringstore.console.http.HttpTls;
import dev.ringstore.security.TransportSecurity;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>With TLS it serves HTTPS only, and every request but the console's pages passes {@link
 * HttpAccess} first: a client certificate with role admin or node, or the admin token
 * (docs/node.md, docs/security.md).
 */
public final class AdminHttpServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final DisposableServer server;

  private AdminHttpServer(DisposableServer server) {
    this.server = server;
  }

  /** Binds and starts serving plain HTTP, open to whoever reaches the port (no TLS). */
  public static AdminHttpServer start(
      InetSocketAddress address,
      PrometheusMeterRegistry registry,
      Supplier<Map<String, Object>> health,
      List<Consumer<HttpServerRoutes>> more) {
    return start(address, registry, health, more, TransportSecurity.open(), Optional.empty());
  }

  /**
   * Binds and starts serving.
   *
   * @param health what /health reports, as a JSON object; called per request
   * @param more further routes, each adding its own paths
   * @param security with TLS: HTTPS only, and who may read what is checked
   * @param adminToken the console's admin token, which may read everything too; empty when the node
   *     serves no console
   */
  public static AdminHttpServer start(
      InetSocketAddress address,
      PrometheusMeterRegistry registry,
      Supplier<Map<String, Object>> health,
      List<Consumer<HttpServerRoutes>> more,
      TransportSecurity security,
      Optional<String> adminToken) {
    ObjectMapper json = new ObjectMapper();
    HttpServerRoutes routes = HttpServerRoutes.newRoutes();
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
    DisposableServer server =
        HttpTls.serve(
                HttpServer.create().host(address.getHostString()).port(address.getPort()), security)
            .handle(HttpAccess.of(security, adminToken).guard(routes))
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
