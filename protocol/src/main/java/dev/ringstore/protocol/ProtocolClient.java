package dev.ringstore.protocol;

import dev.ringstore.protocol.v1.AuthenticateRequest;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.security.ClientSecurity;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens {@link Connection}s to Ringstore endpoints. One client is meant to be shared by everything
 * in a process that talks the protocol (the Java client, a node's replica and gossip traffic), each
 * peer getting one long-lived multiplexed connection:
 *
 * <pre>{@code
 * ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults());
 * Connection node = client.connect(address).join();
 * Response response = node.send(request, Duration.ofSeconds(2)).join();
 * }</pre>
 *
 * <p>Event loops: {@link #create(ProtocolLimits)} owns a group of daemon I/O threads and shuts it
 * down on {@link #close()}; {@link #create(ProtocolLimits, EventLoopGroup)} borrows one (a node
 * passes its server's worker group, say) and leaves it running.
 */
public final class ProtocolClient implements AutoCloseable {

  /** How long {@link #connect(InetSocketAddress)} waits for the TCP handshake. */
  public static final Duration CONNECT_TIMEOUT_DEFAULT = Duration.ofSeconds(5);

  private static final AttributeKey<Connection> CONNECTION =
      AttributeKey.valueOf(ProtocolClient.class, "connection");

  private final ProtocolLimits limits;
  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private final Consumer<SocketChannel> channelHook;
  private final ClientSecurity security;

  private ProtocolClient(
      ProtocolLimits limits,
      EventLoopGroup group,
      boolean ownsGroup,
      Consumer<SocketChannel> channelHook,
      ClientSecurity security) {
    this.limits = limits;
    this.group = group;
    this.ownsGroup = ownsGroup;
    this.channelHook = channelHook;
    this.security = security;
  }

  /** A client with event loops of its own. */
  public static ProtocolClient create(ProtocolLimits limits) {
    return create(limits, 0, channel -> {});
  }

  /**
   * A client with {@code threads} event loops of its own (0: Netty's default) whose connections are
   * secured by {@code security}: TLS, then the token if it has one, before a connection is handed
   * out.
   */
  public static ProtocolClient create(ProtocolLimits limits, int threads, ClientSecurity security) {
    return create(limits, threads, channel -> {}, security);
  }

  /** Both: {@code security} first on each channel, then {@code channelHook}. */
  public static ProtocolClient create(
      ProtocolLimits limits,
      int threads,
      Consumer<SocketChannel> channelHook,
      ClientSecurity security) {
    var group = Transports.group(threads, new DefaultThreadFactory("ringstore-client-io", true));
    return new ProtocolClient(limits, group, true, channelHook, security);
  }

  /** A client on a borrowed event loop group, its connections secured by {@code security}. */
  public static ProtocolClient create(
      ProtocolLimits limits, EventLoopGroup group, ClientSecurity security) {
    return new ProtocolClient(limits, group, false, channel -> {}, security);
  }

  /**
   * A client with {@code threads} event loops of its own (0: Netty's default), whose every new
   * channel first passes through {@code channelHook}, before the protocol's handlers (a proxy, a
   * test's counter; TLS goes through {@link ClientSecurity}).
   */
  public static ProtocolClient create(
      ProtocolLimits limits, int threads, Consumer<SocketChannel> channelHook) {
    return create(limits, threads, channelHook, ClientSecurity.none());
  }

  /** A client on a borrowed event loop group, which {@link #close()} leaves running. */
  public static ProtocolClient create(ProtocolLimits limits, EventLoopGroup group) {
    return create(limits, group, ClientSecurity.none());
  }

  /** Connects with {@link #CONNECT_TIMEOUT_DEFAULT}. */
  public CompletableFuture<Connection> connect(InetSocketAddress address) {
    return connect(address, CONNECT_TIMEOUT_DEFAULT);
  }

  /**
   * Opens a connection to {@code address}. Fails with a {@link RingstoreException} ({@code
   * UNAVAILABLE}) if it cannot be made within {@code timeout}.
   */
  public CompletableFuture<Connection> connect(InetSocketAddress address, Duration timeout) {
    CompletableFuture<Connection> result = new CompletableFuture<>();
    new Bootstrap()
        .group(group)
        .channel(Transports.channel(group))
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                if (security.enabled()) {
                  ch.pipeline().addLast(security.context().newHandler(ch.alloc()));
                }
                channelHook.accept(ch);
                ch.attr(CONNECTION).set(new Connection(ch, limits));
                channels.add(ch);
                ch.closeFuture().addListener(closed -> channels.remove(ch));
              }
            })
        .connect(address)
        .addListener(
            (ChannelFuture connected) -> {
              if (connected.isSuccess()) {
                Connection connection = connected.channel().attr(CONNECTION).get();
                connection.remoteAddress(); // Netty caches it, so messages can name it after close.
                secure(connected.channel(), connection, address, timeout, result);
              } else {
                result.completeExceptionally(
                    new RingstoreException(
                        ErrorCode.UNAVAILABLE,
                        "cannot connect to "
                            + address.getHostString()
                            + ":"
                            + address.getPort()
                            + ": "
                            + reason(connected.cause()),
                        connected.cause()));
              }
            });
    return result;
  }

  /**
   * Hands out the connection once its TLS handshake has completed and its token, if any, has been
   * accepted; a refused handshake or token closes it and fails the connect.
   */
  private void secure(
      Channel channel,
      Connection connection,
      InetSocketAddress address,
      Duration timeout,
      CompletableFuture<Connection> result) {
    SslHandler tls = channel.pipeline().get(SslHandler.class);
    if (tls == null) {
      result.complete(connection);
      return;
    }
    String peer = address.getHostString() + ":" + address.getPort();
    tls.handshakeFuture()
        .addListener(
            handshake -> {
              if (!handshake.isSuccess()) {
                channel.close();
                result.completeExceptionally(
                    new RingstoreException(
                        ErrorCode.UNAVAILABLE,
                        "TLS handshake with " + peer + " failed: " + reason(handshake.cause()),
                        handshake.cause()));
              } else if (security.token().isEmpty()) {
                result.complete(connection);
              } else {
                authenticate(connection, security.token().get(), peer, timeout, result);
              }
            });
  }

  private static void authenticate(
      Connection connection,
      String token,
      String peer,
      Duration timeout,
      CompletableFuture<Connection> result) {
    Request request =
        Request.newBuilder()
            .setAuthenticate(AuthenticateRequest.newBuilder().setToken(token))
            .build();
    connection
        .send(request, timeout)
        .whenComplete(
            (Response response, Throwable failure) -> {
              if (failure != null) {
                connection.close();
                result.completeExceptionally(failure);
              } else if (response.hasError()) {
                connection.close();
                result.completeExceptionally(
                    new RingstoreException(
                        response.getError().getCode(),
                        peer + " refused the token: " + response.getError().getMessage()));
              } else {
                result.complete(connection);
              }
            });
  }

  /** The cause in a person's words: "Connection refused", not the exception's class name. */
  private static String reason(Throwable cause) {
    if (cause instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    String message = cause.getMessage();
    if (message == null) {
      return cause.getClass().getSimpleName();
    }
    int annotation = message.indexOf(": /");
    return annotation > 0 ? message.substring(0, annotation) : message;
  }

  /**
   * Closes every connection this client opened (their pending requests fail with {@code
   * UNAVAILABLE}), waits until they are closed, and shuts down an owned event loop group, waiting
   * for it. A borrowed group's owner can then stop it with nothing of this client still to run on
   * it. Blocks: do not call from an event loop.
   */
  @Override
  public void close() {
    List<ChannelFuture> closing = new ArrayList<>();
    channels.forEach(channel -> closing.add(channel.close()));
    // Let the close listeners (failing pending requests) run before the loops stop, or Netty
    // logs every notification it could no longer deliver. Never waits on its own loop.
    for (ChannelFuture future : closing) {
      if (!future.channel().eventLoop().inEventLoop()) {
        future.awaitUninterruptibly(1, TimeUnit.SECONDS);
      }
    }
    if (ownsGroup) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
