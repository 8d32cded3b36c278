package dev.ringstore.console.http;

import dev.ringstore.security.Identity;
import dev.ringstore.security.PeerCertificates;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslHandler;
import java.util.Optional;
import reactor.netty.http.server.HttpServerRequest;

/**
 * What an HTTP request says about who sent it: the identity in the client certificate its TLS
 * handshake verified (none on plain HTTP, or when the browser sent none), and the bearer token it
 * carries. Both are read from what the connection already holds, so this is safe on the event loop.
 *
 * @param certificate the verified certificate's id and role
 * @param bearer the token after {@code Authorization: Bearer}
 */
record HttpCaller(Optional<Identity> certificate, Optional<String> bearer) {
  private static final String BEARER = "Bearer ";

  static HttpCaller of(HttpServerRequest request) {
    String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    Optional<String> bearer =
        authorization != null && authorization.startsWith(BEARER)
            ? Optional.of(authorization.substring(BEARER.length()).trim())
            : Optional.empty();
    return new HttpCaller(certificate(request), bearer);
  }

  /**
   * The request's connection is reactor-netty's, and {@code withConnection} hands it over at once:
   * the handshake is over before a request is read, so its session holds the peer's chain.
   */
  private static Optional<Identity> certificate(HttpServerRequest request) {
    SslHandler[] found = new SslHandler[1];
    request.withConnection(connection -> found[0] = sslHandler(connection.channel()));
    if (found[0] == null) {
      return Optional.empty();
    }
    return PeerCertificates.identity(found[0].engine().getSession());
  }

  /** HTTP/1.1 has it on the connection; an HTTP/2 stream's is on its parent. */
  private static SslHandler sslHandler(Channel channel) {
    SslHandler handler = channel.pipeline().get(SslHandler.class);
    if (handler == null && channel.parent() != null) {
      handler = channel.parent().pipeline().get(SslHandler.class);
    }
    return handler;
  }
}
