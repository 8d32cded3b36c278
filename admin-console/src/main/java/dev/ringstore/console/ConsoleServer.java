package dev.ringstore.console;

import dev.ringstore.console.http.HttpTls;
import java.net.InetSocketAddress;
import java.time.Duration;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The console on a port of its own ({@code ringstore console}), for operators who keep node ports
 * closed: the same routes a node serves, without the node. With TLS in its settings it serves HTTPS
 * only, and {@link dev.ringstore.console.http.HttpAccess} decides who may read and act.
 */
public final class ConsoleServer implements AutoCloseable {
  private final Console console;
  private final DisposableServer server;

  private ConsoleServer(Console console, DisposableServer server) {
    this.console = console;
    this.server = server;
  }

  public static ConsoleServer start(InetSocketAddress listen, ConsoleSettings settings) {
    Console console = Console.start(settings);
    try {
      HttpServerRoutes routes = HttpServerRoutes.newRoutes();
      console.routes().accept(routes);
      DisposableServer server =
          HttpTls.serve(
                  HttpServer.create().host(listen.getHostString()).port(listen.getPort()),
                  settings.security())
              .handle(console.access().guard(routes))
              .bindNow(Duration.ofSeconds(10));
      return new ConsoleServer(console, server);
    } catch (RuntimeException e) {
      console.close();
      throw e;
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.address();
  }

  /** Blocks until the server is closed. */
  public void awaitClose() {
    server.onDispose().block();
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
    console.close();
  }
}
