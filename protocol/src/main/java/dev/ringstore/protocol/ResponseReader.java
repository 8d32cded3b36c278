package dev.ringstore.protocol;

import dev.ringstore.protocol.v1.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end of one connection: completes each pending request from the response frame with its
 * id. An oversized response fails its request with {@code TOO_LARGE}, an unparseable one with
 * {@code INTERNAL}; a protocol violation closes the connection, failing everything pending with
 * {@code UNAVAILABLE}.
 */
final class ResponseReader extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ResponseReader.class);

  private final PendingRequests pending;

  ResponseReader(PendingRequests pending) {
    this.pending = pending;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Frame frame) {
      onFrame(ctx, frame);
    } else if (msg instanceof OversizedFrame oversized) {
      pending.fail(
          oversized.id(), new RingstoreException(ErrorCode.TOO_LARGE, oversized.describe()));
    } else if (msg instanceof MalformedFrame malformed) {
      pending.fail(
          malformed.id(),
          new RingstoreException(ErrorCode.INTERNAL, "malformed response: " + malformed.reason()));
    } else if (msg instanceof ProtocolViolation violation) {
      log.warn("closing {}: {}", ctx.channel(), violation.reason());
      pending.closeAll(
          "protocol violation from " + ctx.channel().remoteAddress() + ": " + violation.reason());
      ctx.close();
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void onFrame(ChannelHandlerContext ctx, Frame frame) {
    if (frame.kind() != FrameKind.RESPONSE) {
      log.debug("ignoring a request frame from {}", ctx.channel().remoteAddress());
    } else if (frame.id() == Frame.CONNECTION_ID) {
      log.warn(
          "{} reported a connection error: {}",
          ctx.channel().remoteAddress(),
          frame.response().getError());
    } else if (!pending.complete(frame.id(), frame.response())) {
      log.debug("dropping a late response to request {}", frame.id());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing {} after an error", ctx.channel(), cause);
    ctx.close();
  }
}
