package dev.ringstore.protocol;

import dev.ringstore.security.TransportSecurity;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the Ringstore protocol on one address: every request arriving on any connection goes to
 * the {@link RequestHandler}, and its response goes back on that connection tagged with the
 * request's id, in completion order (see {@link RequestDispatcher} for pipelining and the in-flight
 * bounds).
 *
 * <p>What a peer can hold of the server is bounded by its {@link ProtocolLimits}: connections per
 * listener ({@code ConnectionLimiter}), time without progress ({@code IdleCloser}), and requests
 * and bytes in flight per connection ({@code RequestDispatcher}, {@code InFlightBudget}).
 *
 * <p>A node plugs in like this:
 *
 * <pre>{@code
 * ProtocolServer server =
 *     ProtocolServer.start(new InetSocketAddress(host, port), coordinator::handle, limits);
 * InetSocketAddress bound = server.localAddress(); // the real port when port 0 was asked for
 * ...
 * server.shutdownGracefully(Duration.ofSeconds(10)).join();
 * }</pre>
 *
 * <p>Event loops: {@link #start(InetSocketAddress, RequestHandler, ProtocolLimits)} creates and
 * owns its groups (one acceptor thread, Netty's default number of I/O threads) and shuts them down
 * on close; the overload taking groups borrows them and leaves them running.
 */
public final class ProtocolServer implements AutoCloseable {

  /** How long {@link #close()} waits for in-flight requests before closing connections anyway. */
  public static final Duration SHUTDOWN_TIMEOUT_DEFAULT = Duration.ofSeconds(10);

  /** Flushes consolidated into one write at most; Netty's default. */
  static final int FLUSH_BATCH = FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES;

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final boolean ownsGroups;
  private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
  private final AtomicReference<CompletableFuture<Void>> shutdown = new AtomicReference<>();
  private Channel serverChannel;
  private ConnectionLimiter limiter;

  private ProtocolServer(EventLoopGroup boss, EventLoopGroup workers, boolean ownsGroups) {
    this.bossGroup = boss;
    this.workerGroup = workers;
    this.ownsGroups = ownsGroups;
  }

  /** Binds {@code address} with event loops of its own; port 0 picks a free port. No TLS. */
  public static ProtocolServer start(
      InetSocketAddress address, RequestHandler handler, ProtocolLimits limits) {
    return start(address, handler, limits, TransportSecurity.open());
  }

  /**
   * Binds {@code address} with event loops of its own, every connection secured by {@code security}
   * (TLS, and each request checked against {@link RequestRoles}) unless it is open.
   */
  public static ProtocolServer start(
      InetSocketAddress address,
      RequestHandler handler,
      ProtocolLimits limits,
      TransportSecurity security) {
    var boss = Transports.group(1, new DefaultThreadFactory("ringstore-server-accept"));
    var workers = Transports.group(0, new DefaultThreadFactory("ringstore-server-io"));
    return new ProtocolServer(boss, workers, true).bind(address, handler, limits, security);
  }

  /** Binds {@code address} on borrowed event loops, which close leaves running. No TLS. */
  public static ProtocolServer start(
      InetSocketAddress address,
      RequestHandler handler,
      ProtocolLimits limits,
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup) {
    return start(address, handler, limits, TransportSecurity.open(), bossGroup, workerGroup);
  }

  /** Binds {@code address} on borrowed event loops, secured by {@code security}. */
  public static ProtocolServer start(
      InetSocketAddress address,
      RequestHandler handler,
      ProtocolLimits limits,
      TransportSecurity security,
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup) {
    return new ProtocolServer(bossGroup, workerGroup, false)
        .bind(address, handler, limits, security);
  }

  private ProtocolServer bind(
      InetSocketAddress address,
      RequestHandler handler,
      ProtocolLimits limits,
      TransportSecurity security) {
    FrameEncoder encoder = new FrameEncoder(limits);
    limiter = new ConnectionLimiter(limits);
    ChannelFuture bound =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(Transports.serverChannel(workerGroup))
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (!limiter.admit(ch)) {
                      return;
                    }
                    ConnectionSecurity.acceptOn(ch, security);
                    RequestDispatcher dispatcher =
                        new RequestDispatcher(handler, limits, security.tokens());
                    ch.pipeline()
                        // Pipelined replies written in one read burst share one syscall.
                        .addLast(new FlushConsolidationHandler(FLUSH_BATCH, true))
                        .addLast(new FrameDecoder(limits))
                        // After the decoder: only whole frames count as progress.
                        .addLast(new IdleCloser(limits.idleTimeout(), dispatcher::inFlight))
                        .addLast(new FrameBodyDecoder())
                        .addLast(encoder)
                        .addLast(dispatcher);
                    connections.add(ch);
                    ch.closeFuture().addListener(closed -> connections.remove(ch));
                    if (shutdown.get() != null) {
                      ch.close();
                    }
                  }
                })
            .bind(address)
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      releaseGroups();
      Throwable cause = bound.cause();
      String message = "cannot listen on " + address + ": " + cause.getMessage();
      throw cause instanceof IOException io
          ? new UncheckedIOException(message, io)
          : new IllegalStateException(message, cause);
    }
    serverChannel = bound.channel();
    return this;
  }

  /** The address actually bound, with the real port when port 0 was asked for. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Connections open right now: admitted by the connection cap and not yet closed. */
  public int connectionCount() {
    // The limiter's count, not the set's size: on close the set lets go a moment after the
    // limiter, so the set can briefly hold one more than the cap.
    return limiter.open();
  }

  /**
   * Connections closed as soon as they were accepted because {@link
   * ProtocolLimits#maxConnections()} were already open, since the server started.
   */
  public long rejectedConnections() {
    return limiter.rejected();
  }

  /**
   * Stops accepting connections, stops reading on open ones, answers every request already
   * received, then closes each connection; connections still busy after {@code timeout} are closed
   * anyway. Owned event loops are shut down last. Idempotent; non-blocking.
   */
  public CompletableFuture<Void> shutdownGracefully(Duration timeout) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!shutdown.compareAndSet(null, done)) {
      return shutdown.get();
    }
    serverChannel.close().addListener(ignored -> drainConnections(timeout, done));
    return done;
  }

  private void drainConnections(Duration timeout, CompletableFuture<Void> done) {
    List<CompletableFuture<Void>> closed = new ArrayList<>();
    for (Channel ch : connections) {
      closed.add(NettyFutures.whenDone(ch.closeFuture()));
      try {
        ch.eventLoop().execute(() -> drain(ch));
      } catch (RejectedExecutionException e) {
        ch.close();
      }
    }
    Future<?> deadline;
    try {
      deadline =
          serverChannel
              .eventLoop()
              .schedule(
                  () -> connections.forEach(Channel::close),
                  timeout.toNanos(),
                  TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      connections.forEach(Channel::close);
      deadline = null;
    }
    Future<?> cancelOnDone = deadline;
    CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
        .whenComplete(
            (v, e) -> {
              if (cancelOnDone != null) {
                cancelOnDone.cancel(false);
              }
              releaseGroups().whenComplete((v2, e2) -> done.complete(null));
            });
  }

  private static void drain(Channel ch) {
    RequestDispatcher dispatcher = ch.pipeline().get(RequestDispatcher.class);
    if (dispatcher != null) {
      dispatcher.drain();
    } else {
      ch.close();
    }
  }

  private CompletableFuture<Void> releaseGroups() {
    if (!ownsGroups) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.allOf(
        NettyFutures.whenDone(bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS)),
        NettyFutures.whenDone(workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS)));
  }

  /**
   * {@link #shutdownGracefully} with {@link #SHUTDOWN_TIMEOUT_DEFAULT}, waiting for it to finish.
   * Blocks: do not call from an event loop.
   */
  @Override
  public void close() {
    shutdownGracefully(SHUTDOWN_TIMEOUT_DEFAULT).join();
  }
}
