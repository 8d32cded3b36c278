package dev.ringstore.protocol;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a server connection that makes no progress for {@link ProtocolLimits#idleTimeout()}: no
 * whole frame arrives and no response is written, while either nothing is in flight (an idle peer,
 * or one that sent half a frame and stalled) or the socket is not writable (a peer that stopped
 * reading its responses). A request the handler is still working on keeps a readable connection
 * open however long it takes.
 *
 * <p>Progress is counted in frames, not bytes: it sits after the {@link FrameDecoder}, so a peer
 * trickling one byte at a time into a frame it never finishes counts as idle — which Netty's {@code
 * IdleStateHandler}, timing raw reads, would not see. Checks run every half timeout on the
 * channel's event loop and two quiet ones in a row close the connection, so it goes after between
 * one and one and a half timeouts of no progress; time comes from the event loop's scheduler, which
 * tests drive with {@code EmbeddedChannel.advanceTimeBy}.
 *
 * <p>A client whose idle connection is closed opens a new one on its next request ({@code
 * SocketTransport}, the Java client's pool); busy node-to-node connections are never idle.
 */
final class IdleCloser extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(IdleCloser.class);

  /**
   * Quiet checks in a row, half a timeout apart, before a close. With a fixed delay, never a fixed
   * rate: an event loop (or a whole JVM) stalled for longer than the timeout must not come back to
   * a burst of checks finding no progress that the peer had no chance to make.
   */
  private static final int QUIET_CHECKS_TO_CLOSE = 2;

  private final Duration timeout;
  private final IntSupplier inFlight;
  private long progress;
  private long progressAtLastCheck;
  private int quietChecks;
  private ScheduledFuture<?> checks;

  /**
   * @param inFlight requests of this connection handed to the handler and not yet answered
   */
  IdleCloser(Duration timeout, IntSupplier inFlight) {
    this.timeout = timeout;
    this.inFlight = inFlight;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isRegistered()) {
      startChecks(ctx);
    }
  }

  @Override
  public void channelRegistered(ChannelHandlerContext ctx) {
    startChecks(ctx);
    ctx.fireChannelRegistered();
  }

  private void startChecks(ChannelHandlerContext ctx) {
    if (checks == null) {
      // At least a millisecond apart: a nanosecond timeout must not spin the event loop.
      long half = Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeout.toNanos() / 2);
      checks =
          ctx.executor().scheduleWithFixedDelay(() -> check(ctx), half, half, TimeUnit.NANOSECONDS);
    }
  }

  private void check(ChannelHandlerContext ctx) {
    if (progress != progressAtLastCheck) {
      progressAtLastCheck = progress;
      quietChecks = 0;
      return;
    }
    if (++quietChecks < QUIET_CHECKS_TO_CLOSE || !ctx.channel().isActive()) {
      return;
    }
    if (inFlight.getAsInt() == 0) {
      log.debug("closing {}: no whole frame for {}", ctx.channel(), timeout);
      ctx.close();
    } else if (!ctx.channel().isWritable()) {
      log.debug("closing {}: peer read no response for {}", ctx.channel(), timeout);
      ctx.close();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    progress++;
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    ChannelPromise counted = promise.unvoid();
    counted.addListener(written -> progress++);
    ctx.write(msg, counted);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stopChecks();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stopChecks();
  }

  private void stopChecks() {
    if (checks != null) {
      checks.cancel(false);
    }
  }
}
