package dev.ringstore.protocol;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PingRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One multiplexed connection to a Ringstore endpoint, made by {@link ProtocolClient#connect}. Any
 * thread may {@link #send} at any time; requests go out at once, each with the next id of this
 * connection, and responses complete their futures in whatever order they arrive.
 *
 * <p>A send's future completes normally with the peer's {@link Response}, which may carry an error
 * ({@link RingstoreException#requireOk} turns it into an exception). It completes exceptionally
 * with a {@link RingstoreException} when no response can be had:
 *
 * <ul>
 *   <li>{@code TIMEOUT}: no response within the request's timeout (a later response is dropped).
 *       When nothing at all arrived on the connection during that whole timeout, the connection is
 *       presumed dead — a peer gone without a FIN, or a TCP connection desynchronised by packet
 *       loss, which can stay ESTABLISHED for many minutes while every request on it times out
 *       (found by the fault suite) — and closed, so its owner opens a new one;
 *   <li>{@code OVERLOADED}: the connection already has {@link
 *       ProtocolLimits#maxInFlightPerConnection()} requests outstanding. Sends fail fast rather
 *       than queue, so a caller can try another replica;
 *   <li>{@code TOO_LARGE}: the request, or its response, exceeds {@link
 *       ProtocolLimits#maxFrameBytes()};
 *   <li>{@code UNAVAILABLE}: the connection closed before the response arrived.
 * </ul>
 *
 * Timeouts run on the connection's event loop; nothing here blocks.
 */
public final class Connection implements AutoCloseable {
  private static final Request PROBE =
      Request.newBuilder().setPing(PingRequest.getDefaultInstance()).build();

  private final Channel channel;
  private final ProtocolLimits limits;
  private final PendingRequests pending;

  /** The longest a probe of a silent connection waits, whatever the request's timeout. */
  static final Duration PROBE_TIMEOUT_MAX = Duration.ofSeconds(2);

  /** Reads so far (any bytes); a request that times out with it unchanged saw only silence. */
  private volatile long reads;

  /** Whether a probe is out; only the event loop reads and writes it. */
  private boolean probing;

  /** Installs the client pipeline on {@code channel}. */
  Connection(Channel channel, ProtocolLimits limits) {
    this.channel = channel;
    this.limits = limits;
    this.pending = new PendingRequests(limits.maxInFlightPerConnection());
    channel
        .pipeline()
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                reads++; // only the event loop writes it
                ctx.fireChannelRead(msg);
              }
            })
        .addLast(
            new FlushConsolidationHandler(ProtocolServer.FLUSH_BATCH, true)) // pipelined requests
        .addLast(new FrameDecoder(limits))
        .addLast(new FrameBodyDecoder())
        .addLast(new FrameEncoder(limits))
        .addLast(new ResponseReader(pending));
    channel
        .closeFuture()
        .addListener(closed -> pending.closeAll("connection to " + remoteAddress() + " closed"));
  }

  /**
   * Sends {@code request}; the future completes with its response or fails as described above.
   *
   * @param timeout how long to wait for the response; positive
   */
  public CompletableFuture<Response> send(Request request, Duration timeout) {
    return send(request, timeout, true);
  }

  private CompletableFuture<Response> send(Request request, Duration timeout, boolean probe) {
    Objects.requireNonNull(request, "request");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    long size = Frame.HEADER_BYTES + (long) request.getSerializedSize();
    if (size > limits.maxFrameBytes()) {
      return CompletableFuture.failedFuture(
          new RingstoreException(
              ErrorCode.TOO_LARGE,
              "request of " + size + " bytes exceeds the limit of " + limits.maxFrameBytes()));
    }
    CompletableFuture<Response> future = new CompletableFuture<>();
    long id;
    try {
      id = pending.register(future);
    } catch (RingstoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    scheduleTimeout(future, timeout, probe);
    channel
        .writeAndFlush(Frame.request(id, request))
        .addListener(
            written -> {
              if (!written.isSuccess()) {
                future.completeExceptionally(sendFailure(written.cause()));
              }
            });
    return future;
  }

  private void scheduleTimeout(
      CompletableFuture<Response> future, Duration timeout, boolean probe) {
    long readsAtSend = reads;
    try {
      ScheduledFuture<?> timer =
          channel
              .eventLoop()
              .schedule(
                  () -> {
                    boolean timedOut =
                        future.completeExceptionally(
                            new RingstoreException(
                                ErrorCode.TIMEOUT,
                                "no response from " + remoteAddress() + " within " + timeout));
                    if (timedOut && probe && reads == readsAtSend) {
                      probe(timeout); // silent for a whole timeout: alive?
                    }
                  },
                  timeout.toNanos(),
                  TimeUnit.NANOSECONDS);
      future.whenComplete((response, failure) -> timer.cancel(false));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(
          new RingstoreException(ErrorCode.UNAVAILABLE, "connection's event loop is shut down", e));
    }
  }

  /** Pings the peer; closes the connection if nothing at all arrives before the ping times out. */
  private void probe(Duration timeout) {
    if (probing) {
      return;
    }
    probing = true;
    long readsAtProbe = reads;
    Duration wait = timeout.compareTo(PROBE_TIMEOUT_MAX) < 0 ? timeout : PROBE_TIMEOUT_MAX;
    send(PROBE, wait, false)
        .whenComplete(
            (response, failure) ->
                channel
                    .eventLoop()
                    .execute(
                        () -> {
                          probing = false;
                          if (failure != null && reads == readsAtProbe) {
                            channel.close();
                          }
                        }));
  }

  private RingstoreException sendFailure(Throwable cause) {
    Throwable root = cause.getCause() instanceof RingstoreException ? cause.getCause() : cause;
    if (root instanceof RingstoreException known) {
      return known;
    }
    return new RingstoreException(
        ErrorCode.UNAVAILABLE, "could not send to " + remoteAddress() + ": " + cause, cause);
  }

  /** The peer's address. */
  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  /** Whether the connection is still usable. */
  public boolean isOpen() {
    return channel.isActive();
  }

  /** Requests sent and not yet completed. */
  public int inFlight() {
    return pending.inFlight();
  }

  /** Completes once the connection is closed, by either side. */
  public CompletableFuture<Void> closeFuture() {
    return NettyFutures.whenDone(channel.closeFuture());
  }

  /** Closes the connection; pending requests fail with {@code UNAVAILABLE}. Non-blocking. */
  @Override
  public void close() {
    channel.close();
  }

  @Override
  public String toString() {
    return "Connection[" + channel.localAddress() + " -> " + remoteAddress() + "]";
  }
}
