package dev.ringstore.protocol;

import static dev.ringstore.protocol.RingstoreException.errorResponse;

import dev.ringstore.protocol.v1.AuthenticateRequest;
import dev.ringstore.protocol.v1.AuthenticateResponse;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.security.Identity;
import dev.ringstore.security.TokenStore;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end of one connection: hands each request to the {@link RequestHandler} without
 * waiting for earlier ones, and writes each response, tagged with its request id, as soon as it
 * completes. Also answers the decoder's per-frame events ({@code TOO_LARGE}, {@code BAD_REQUEST})
 * and closes the connection after a {@link ProtocolViolation}.
 *
 * <p>In-flight bound: a request counts from the moment it is handed to the handler until its
 * response has been written to the socket, so a peer that stops reading also stops being served. At
 * the bound the channel stops reading (auto-read off) and frames already decoded wait in a queue
 * that one read's worth of bytes bounds; reading resumes once responses drain below the bound. The
 * same holds for bytes: an {@link InFlightBudget} counts each request's bytes and its response's
 * until written, and reading stops while it is exhausted; a response that finds the peer not
 * reading is shed as {@code OVERLOADED}. Replies the protocol layer makes itself ({@code
 * TOO_LARGE}, {@code BAD_REQUEST}) count against both bounds like any other, so a peer flooding bad
 * frames without reading the replies is stopped too.
 *
 * <p>Authorization: each request is checked against {@link RequestRoles} for the connection's
 * caller ({@link ConnectionSecurity}) before the handler sees it; a refusal is answered {@code
 * UNAUTHORIZED} naming the role needed, and the connection stays open. A token ({@code
 * authenticate}) is checked here too, against the listener's token file.
 *
 * <p>All state is touched only on the channel's event loop; handler futures may complete on any
 * thread and hop back to it.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

  private final RequestHandler handler;
  private final ProtocolLimits limits;
  private final Optional<TokenStore> tokens;
  private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
  private final InFlightBudget bytes;
  private ChannelHandlerContext ctx;
  private int inFlight;
  private boolean open;
  private boolean draining;

  /** A dispatcher on an open connection: every caller may do everything. */
  RequestDispatcher(RequestHandler handler, ProtocolLimits limits) {
    this(handler, limits, Optional.empty());
    this.open = true;
  }

  RequestDispatcher(RequestHandler handler, ProtocolLimits limits, Optional<TokenStore> tokens) {
    this.handler = handler;
    this.limits = limits;
    this.tokens = tokens;
    this.bytes = new InFlightBudget(limits);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (open) {
      ctx.channel().attr(ConnectionSecurity.CALLER).set(Identity.OPEN);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Frame frame) {
      onFrame(frame);
    } else if (msg instanceof OversizedFrame oversized) {
      reply(oversized.id(), errorResponse(ErrorCode.TOO_LARGE, oversized.describe()));
    } else if (msg instanceof MalformedFrame malformed) {
      reply(
          malformed.id(),
          errorResponse(ErrorCode.BAD_REQUEST, "malformed request: " + malformed.reason()));
    } else if (msg instanceof ProtocolViolation violation) {
      log.debug("closing {}: {}", ctx.channel(), violation.reason());
      waiting.clear();
      draining = true;
      ctx.channel().config().setAutoRead(false);
      Response error =
          errorResponse(ErrorCode.BAD_REQUEST, "protocol violation: " + violation.reason());
      ctx.writeAndFlush(Frame.response(Frame.CONNECTION_ID, error))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void onFrame(Frame frame) {
    if (frame.kind() != FrameKind.REQUEST) {
      reply(frame.id(), errorResponse(ErrorCode.BAD_REQUEST, "expected a request frame"));
    } else if (draining) {
      reply(frame.id(), errorResponse(ErrorCode.UNAVAILABLE, "server is shutting down"));
    } else if (atBound()) {
      waiting.add(frame);
      ctx.channel().config().setAutoRead(false);
    } else {
      start(frame);
    }
  }

  private void start(Frame frame) {
    long requestBytes = frame.wireSize();
    inFlight++;
    bytes.take(requestBytes);
    stopReadingAtBound();
    long id = frame.id();
    Request request = frame.request();
    Identity caller = ConnectionSecurity.caller(ctx.channel());
    if (request.hasAuthenticate()) {
      write(id, authenticate(request.getAuthenticate()), requestBytes);
      return;
    }
    Optional<String> refusal = RequestRoles.refusal(caller, request);
    if (refusal.isPresent()) {
      write(id, errorResponse(ErrorCode.UNAUTHORIZED, refusal.get()), requestBytes);
      return;
    }
    CompletableFuture<Response> future;
    try {
      future = handler.handle(request);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      future = CompletableFuture.failedFuture(t);
    }
    if (future == null) {
      future = CompletableFuture.failedFuture(new IllegalStateException("handler returned null"));
    }
    future.whenComplete(
        (response, failure) -> {
          Response answer = answer(response, failure);
          try {
            ctx.executor().execute(() -> write(id, answer, requestBytes));
          } catch (RejectedExecutionException e) {
            log.debug("event loop gone, dropping response to request {}", id);
          }
        });
  }

  /**
   * Checks a token and, when it is one the listener knows, makes its identity the connection's
   * caller. A certificate's identity is never replaced by a token's.
   */
  private Response authenticate(AuthenticateRequest request) {
    Identity current = ConnectionSecurity.caller(ctx.channel());
    if (current != null && current.open()) {
      return Response.newBuilder()
          .setAuthenticate(AuthenticateResponse.newBuilder().setId(current.id()).setRole("admin"))
          .build();
    }
    if (current != null && current.source() == Identity.Source.CERTIFICATE) {
      return errorResponse(
          ErrorCode.BAD_REQUEST, "this connection is already authenticated by its certificate");
    }
    Optional<Identity> identity = tokens.flatMap(store -> store.verify(request.getToken()));
    if (identity.isEmpty()) {
      return errorResponse(
          ErrorCode.UNAUTHORIZED,
          tokens.isEmpty()
              ? "this listener accepts no tokens; present a client certificate"
              : "unknown token");
    }
    ctx.channel().attr(ConnectionSecurity.CALLER).set(identity.get());
    return Response.newBuilder()
        .setAuthenticate(
            AuthenticateResponse.newBuilder()
                .setId(identity.get().id())
                .setRole(identity.get().role().label()))
        .build();
  }

  /** Writes a response that needs no handler; it counts as in flight until written. */
  private void reply(long id, Response response) {
    inFlight++;
    stopReadingAtBound();
    write(id, response, 0);
  }

  /**
   * Writes a response, or {@code OVERLOADED} when the peer is not reading its responses (see {@link
   * InFlightBudget}); {@code requestBytes} of the request it answers are given back once written.
   */
  private void write(long id, Response response, long requestBytes) {
    long size = Frame.HEADER_BYTES + (long) response.getSerializedSize();
    if (size > limits.maxFrameBytes()) {
      response =
          errorResponse(
              ErrorCode.TOO_LARGE,
              "response of " + size + " bytes exceeds the limit of " + limits.maxFrameBytes());
      size = Frame.HEADER_BYTES + (long) response.getSerializedSize();
    }
    if (!bytes.admits(size)) {
      log.debug("{} is not reading its responses: shedding one of {} bytes", ctx.channel(), size);
      bytes.shed();
      response =
          errorResponse(
              ErrorCode.OVERLOADED, "too many response bytes queued for this connection's reader");
      size = Frame.HEADER_BYTES + (long) response.getSerializedSize();
    }
    long responseBytes = size;
    bytes.queue(responseBytes);
    stopReadingAtBound();
    ctx.writeAndFlush(Frame.response(id, response))
        .addListener(written -> onWritten(requestBytes, responseBytes));
  }

  private void onWritten(long requestBytes, long responseBytes) {
    inFlight--;
    bytes.written(requestBytes, responseBytes);
    while (!atBound() && !waiting.isEmpty()) {
      start(waiting.poll());
    }
    if (draining) {
      if (inFlight == 0 && waiting.isEmpty()) {
        ctx.close();
      }
    } else if (!atBound() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** Whether the connection has as many requests, or as many bytes, in flight as it may. */
  private boolean atBound() {
    return inFlight >= limits.maxInFlightPerConnection() || bytes.exhausted();
  }

  private void stopReadingAtBound() {
    if (atBound()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  /**
   * Stops reading new requests, answers every one already received, then closes the connection.
   * Must run on the channel's event loop.
   */
  void drain() {
    draining = true;
    ctx.channel().config().setAutoRead(false);
    if (inFlight == 0 && waiting.isEmpty()) {
      ctx.close();
    }
  }

  /** Requests handed to the handler or being written. */
  int inFlight() {
    return inFlight;
  }

  /** Request and response bytes held for requests in flight; for tests. */
  long bytesInFlight() {
    return bytes.bytes();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    waiting.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing {} after an error", ctx.channel(), cause);
    ctx.close();
  }

  private static Response answer(Response response, Throwable failure) {
    if (failure == null) {
      return response != null
          ? response
          : errorResponse(ErrorCode.INTERNAL, "request handler completed without a response");
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof RingstoreException known) {
      return known.toResponse();
    }
    log.warn("request handler failed", cause);
    return errorResponse(ErrorCode.INTERNAL, "request failed: " + cause);
  }
}
