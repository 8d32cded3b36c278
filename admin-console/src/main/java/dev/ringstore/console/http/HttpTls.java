package dev.ringstore.console.http;

import dev.ringstore.security.TlsContexts;
import dev.ringstore.security.TransportSecurity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * HTTPS for the HTTP ports and the console's HTTP client, from a process's {@link
 * TransportSecurity}: when it is enabled, HTTPS only (a plain-HTTP request fails the handshake and
 * gets no answer), trusting the cluster's CA and nothing else.
 */
public final class HttpTls {
  private HttpTls() {}

  /**
   * {@code server} serving HTTPS when {@code security} is enabled. A client certificate is
   * optional, so a browser without one can load the console's pages; {@link HttpAccess} then asks
   * for a certificate or the admin token on everything else.
   */
  public static HttpServer serve(HttpServer server, TransportSecurity security) {
    if (!security.enabled()) {
      return server;
    }
    var context = TlsContexts.server(security.files(), ClientAuth.OPTIONAL);
    return server.secure(spec -> spec.sslContext(context));
  }

  /**
   * {@code client} connecting over HTTPS with this process's own certificate when {@code security}
   * is enabled.
   */
  public static HttpClient connect(HttpClient client, TransportSecurity security) {
    return security.enabled() ? connect(client, security.clientContext()) : client;
  }

  /**
   * {@code client} connecting over HTTPS with {@code context}. Host names are not checked, as on
   * the protocol's connections (docs/security.md): a node is who its certificate says, whatever
   * address it advertised. reactor-netty turns the check on after any handler configurator of ours,
   * so it is turned off once the channel's pipeline holds the TLS handler, before it connects.
   */
  public static HttpClient connect(HttpClient client, SslContext context) {
    return client
        .secure(spec -> spec.sslContext(context))
        .doOnChannelInit(
            (observer, channel, address) -> {
              SslHandler handler = channel.pipeline().get(SslHandler.class);
              if (handler != null) {
                withoutHostCheck(handler.engine());
              }
            });
  }

  /** {@code http} or {@code https}, for URLs to HOST:PORT addresses. */
  public static String scheme(TransportSecurity security) {
    return security.enabled() ? "https" : "http";
  }

  private static void withoutHostCheck(SSLEngine engine) {
    SSLParameters parameters = engine.getSSLParameters();
    // Empty, not null: the JDK's engine ignores a null and keeps checking.
    parameters.setEndpointIdentificationAlgorithm("");
    engine.setSSLParameters(parameters);
  }
}
