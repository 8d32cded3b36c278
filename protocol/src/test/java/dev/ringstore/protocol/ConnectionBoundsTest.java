package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.concat;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static dev.ringstore.protocol.WireFrames.header;
import static dev.ringstore.protocol.WireFrames.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-connection bounds of a server — bytes in flight, replies to bad frames, and the idle
 * timeout — on an {@link EmbeddedChannel} with the server's pipeline, time driven by hand.
 */
@Timeout(30)
class ConnectionBoundsTest {
  private static final Duration IDLE = Duration.ofSeconds(10);
  private static final ProtocolLimits LIMITS =
      ProtocolLimits.defaults()
          .withMaxFrameBytes(4096)
          .withMaxInFlightPerConnection(2)
          .withMaxBytesInFlightPerConnection(1000)
          .withIdleTimeout(IDLE);

  private final Map<String, CompletableFuture<Response>> handed = new LinkedHashMap<>();
  private RequestHandler handler =
      request -> handed.computeIfAbsent(key(request), k -> new CompletableFuture<>());
  private final UnreadSocket socket = new UnreadSocket();
  private EmbeddedChannel server;
  private RequestDispatcher dispatcher;

  private void serve(ProtocolLimits limits) {
    dispatcher = new RequestDispatcher(r -> handler.handle(r), limits);
    server =
        new EmbeddedChannel(
            socket,
            new FrameDecoder(limits),
            new IdleCloser(limits.idleTimeout(), dispatcher::inFlight),
            new FrameBodyDecoder(),
            new FrameEncoder(limits),
            dispatcher);
    server.freezeTime();
  }

  @AfterEach
  void release() {
    socket.release();
    server.finishAndReleaseAll();
    socket.decoder.finishAndReleaseAll();
  }

  private void send(long id, Request request) {
    server.writeInbound(Unpooled.wrappedBuffer(bytes(Frame.request(id, request))));
  }

  private static String ofLength(int length) {
    char[] chars = new char[length];
    Arrays.fill(chars, 'x');
    return new String(chars);
  }

  /** Lets {@code by} pass in steps of at most 100 ms, each running the tasks that came due. */
  private void advance(Duration by) {
    long step = Duration.ofMillis(100).toNanos();
    for (long left = by.toNanos(); left > 0; left -= step) {
      server.advanceTimeBy(Math.min(step, left), TimeUnit.NANOSECONDS);
      server.runScheduledPendingTasks();
    }
  }

  @Test
  void readingStopsWhenRequestBytesInFlightReachTheBoundAndResumesAsTheyAreAnswered() {
    serve(LIMITS.withMaxInFlightPerConnection(100));
    String big = ofLength(300); // ~320 bytes a frame: the fourth reaches 1000
    socket.passThrough();

    send(1, get("a" + big));
    send(2, get("b" + big));
    send(3, get("c" + big));
    assertThat(server.config().isAutoRead()).isTrue();
    send(4, get("d" + big));
    assertThat(server.config().isAutoRead()).isFalse();
    assertThat(dispatcher.bytesInFlight()).isGreaterThanOrEqualTo(1000);

    send(5, get("e" + big)); // already read: waits rather than reaching the handler
    assertThat(handed).hasSize(4);

    handed.get("a" + big).complete(found("a"));
    server.runPendingTasks();
    assertThat(handed).hasSize(5);
    assertThat(server.config().isAutoRead()).isFalse();

    handed.values().forEach(pending -> pending.complete(found("ok")));
    server.runPendingTasks();
    assertThat(server.config().isAutoRead()).isTrue();
    assertThat(dispatcher.bytesInFlight()).isZero();
    assertThat(dispatcher.inFlight()).isZero();
  }

  @Test
  void aResponseThatWouldOverfillTheQueueOfAPeerNotReadingIsShedAndReadingStops() {
    serve(LIMITS.withMaxInFlightPerConnection(100));
    handler = request -> CompletableFuture.completedFuture(found(ofLength(600)));

    send(1, get("a"));
    assertThat(server.config().isAutoRead()).as("one response queued").isTrue();
    send(2, get("b"));
    assertThat(server.config().isAutoRead()).as("b's response would overfill").isFalse();
    assertThat(dispatcher.bytesInFlight())
        .as("a's request and response, b's request and error")
        .isLessThan(1000);
    send(3, get("c"));
    assertThat(dispatcher.inFlight()).as("c waits for the queue to drain").isEqualTo(2);

    socket.release();
    server.runPendingTasks();
    assertThat(socket.responses())
        .extracting(frame -> frame.response().getError().getCode())
        .containsExactly(
            ErrorCode.ERROR_CODE_UNSPECIFIED,
            ErrorCode.OVERLOADED,
            ErrorCode.ERROR_CODE_UNSPECIFIED);
    assertThat(server.config().isAutoRead()).isTrue();
    assertThat(dispatcher.bytesInFlight()).isZero();
  }

  @Test
  void aSingleResponseLargerThanTheBoundIsStillSent() {
    serve(LIMITS);
    handler = request -> CompletableFuture.completedFuture(found(ofLength(2000)));
    send(1, get("a"));
    socket.release();
    assertThat(socket.responses()).containsExactly(Frame.response(1, found(ofLength(2000))));
  }

  @Test
  void regressionRepliesToOversizedAndMalformedFramesCountAgainstTheInFlightBound() {
    serve(LIMITS);
    server.writeInbound(
        Unpooled.wrappedBuffer(concat(header(FrameKind.REQUEST, 1, 5000), new byte[5000])));
    assertThat(server.config().isAutoRead()).isTrue();
    server.writeInbound(
        Unpooled.wrappedBuffer(
            concat(header(FrameKind.REQUEST, 2, 2), new byte[] {(byte) 0xff, 1})));

    assertThat(dispatcher.inFlight()).isEqualTo(2);
    assertThat(server.config().isAutoRead())
        .as("a peer flooding bad frames without reading the replies is stopped")
        .isFalse();

    socket.release();
    assertThat(socket.written).isEqualTo(2);
    assertThat(dispatcher.inFlight()).isZero();
    assertThat(server.config().isAutoRead()).isTrue();
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() {
    serve(LIMITS);
    socket.passThrough();
    advance(IDLE.minusSeconds(1));
    assertThat(server.isOpen()).isTrue();

    advance(IDLE);
    assertThat(server.isOpen()).isFalse();
  }

  @Test
  void aConnectionInUseStaysOpenHoweverLong() {
    serve(LIMITS);
    socket.passThrough();
    handler = request -> CompletableFuture.completedFuture(found("ok"));
    for (int i = 1; i <= 20; i++) {
      send(i, get("k"));
      advance(IDLE.dividedBy(2));
    }
    assertThat(server.isOpen()).isTrue();
    assertThat(socket.written).isEqualTo(20);
  }

  @Test
  void halfAFrameTrickledInByteByByteIsClosedLikeAnIdleConnection() {
    serve(LIMITS);
    socket.passThrough();
    byte[] frame = bytes(Frame.request(1, get(ofLength(200))));
    for (int i = 0; i < frame.length - 1 && server.isOpen(); i++) {
      server.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame[i]}));
      advance(Duration.ofMillis(100));
    }
    assertThat(server.isOpen()).as("closed before the frame's last byte").isFalse();
    assertThat(handed).isEmpty();
  }

  @Test
  void aRequestStillBeingHandledKeepsItsConnectionOpenThenItIdlesOut() {
    serve(LIMITS);
    socket.passThrough();
    send(1, get("slow"));
    advance(IDLE.multipliedBy(5));
    assertThat(server.isOpen()).isTrue();

    handed.get("slow").complete(found("done"));
    server.runPendingTasks();
    assertThat(socket.written).isEqualTo(1);
    advance(IDLE);
    assertThat(server.isOpen()).as("the response just written counts as progress").isTrue();
    advance(IDLE);
    assertThat(server.isOpen()).isFalse();
  }

  @Test
  void aPeerThatReadsNoResponsesIsClosedOnceItsSocketStaysUnwritable() {
    serve(LIMITS);
    socket.passThrough();
    send(1, get("pending"));
    server.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

    advance(IDLE.multipliedBy(2));
    assertThat(server.isOpen()).isFalse();
  }

  /**
   * Stands in for a socket whose peer does not read: writes wait here, their promises pending,
   * until {@link #release}; after {@link #passThrough} they go straight on.
   */
  private static final class UnreadSocket extends ChannelOutboundHandlerAdapter {
    private final List<Object> messages = new ArrayList<>();
    private final List<ChannelPromise> promises = new ArrayList<>();
    private final EmbeddedChannel decoder =
        new EmbeddedChannel(new FrameDecoder(ProtocolLimits.defaults()), new FrameBodyDecoder());
    private ChannelHandlerContext ctx;
    private boolean holding = true;
    int written;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (holding) {
        messages.add(msg);
        promises.add(promise);
      } else {
        written++;
        decoder.writeInbound(((ByteBuf) msg).retainedDuplicate());
        ctx.write(msg, promise);
      }
    }

    /** The responses written so far, decoded. */
    List<Frame> responses() {
      List<Frame> frames = new ArrayList<>();
      for (Frame frame; (frame = decoder.readInbound()) != null; ) {
        frames.add(frame);
      }
      return frames;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      if (!holding) {
        ctx.flush();
      }
    }

    void passThrough() {
      holding = false;
    }

    void release() {
      holding = false;
      List<Object> held = new ArrayList<>(messages);
      List<ChannelPromise> waiting = new ArrayList<>(promises);
      messages.clear();
      promises.clear();
      for (int i = 0; i < held.size(); i++) {
        write(ctx, held.get(i), waiting.get(i));
      }
      if (ctx != null && ctx.channel().isActive()) {
        ctx.flush();
      }
    }
  }
}
