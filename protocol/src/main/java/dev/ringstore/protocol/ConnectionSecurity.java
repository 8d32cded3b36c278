package dev.ringstore.protocol;

import dev.ringstore.security.Identity;
import dev.ringstore.security.PeerCertificates;
import dev.ringstore.security.TransportSecurity;
import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;

/**
 * Puts TLS in front of a connection and records who is on its other end. On a listener without TLS
 * every caller is {@link Identity#OPEN}. With TLS the caller is whoever its verified certificate
 * names, set when the handshake completes and before any request is read; a client without a
 * certificate stays unauthenticated until it sends a token.
 */
final class ConnectionSecurity {
  /** The connection's caller; absent while it has not authenticated. */
  static final AttributeKey<Identity> CALLER =
      AttributeKey.valueOf(ConnectionSecurity.class, "caller");

  private ConnectionSecurity() {}

  /** Must run first in the listener's channel initializer, so TLS sits below every codec. */
  static void acceptOn(SocketChannel channel, TransportSecurity security) {
    if (!security.enabled()) {
      channel.attr(CALLER).set(Identity.OPEN);
      return;
    }
    SslHandler tls = security.serverContext().newHandler(channel.alloc());
    channel.pipeline().addLast(tls);
    tls.handshakeFuture()
        .addListener(
            done -> {
              if (done.isSuccess()) {
                PeerCertificates.identity(tls.engine().getSession())
                    .ifPresent(identity -> channel.attr(CALLER).set(identity));
              }
            });
  }

  /** The connection's caller, or null while it has not authenticated. */
  static Identity caller(Channel channel) {
    return channel.attr(CALLER).get();
  }
}
