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
 * IdleStateHandler}, timing raw reads, would not see. Checks run every timeout on the channel's
 * event loop, so a connection is closed after between one and two timeouts of no progress; time
 * comes from the event loop's scheduler, which tests drive with {@code
 * EmbeddedChannel.advanceTimeBy}.
 *
 * <p>A client whose idle connection is closed opens a new one on its next request ({@code
 * SocketTransport}, the Java client's pool); busy node-to-node connections are never idle.
 */
final class IdleCloser extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(IdleCloser.class);

  private final Duration timeout;
  private final IntSupplier inFlight;
  private long progress;
  private long progressAtLastCheck;
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
      long nanos = timeout.toNanos();
      checks =
          ctx.executor().scheduleAtFixedRate(() -> check(ctx), nanos, nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void check(ChannelHandlerContext ctx) {
    boolean progressed = progress != progressAtLastCheck;
    progressAtLastCheck = progress;
    if (progressed || !ctx.channel().isActive()) {
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
