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
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server end of a connection, driven byte by byte on an {@link EmbeddedChannel}. */
@Timeout(30)
class RequestDispatcherTest {
  private static final ProtocolLimits LIMITS =
      ProtocolLimits.defaults().withMaxFrameBytes(1024).withMaxInFlightPerConnection(2);

  /** Requests the handler has been given, by key, each with the future it returned. */
  private final Map<String, CompletableFuture<Response>> handed = new LinkedHashMap<>();

  private RequestHandler handler =
      request -> handed.computeIfAbsent(key(request), k -> new CompletableFuture<>());
  private final RequestDispatcher dispatcher =
      new RequestDispatcher(r -> handler.handle(r), LIMITS);
  private final EmbeddedChannel server =
      new EmbeddedChannel(
          new FrameDecoder(LIMITS), new FrameBodyDecoder(), new FrameEncoder(LIMITS), dispatcher);
  private final EmbeddedChannel responseDecoder =
      new EmbeddedChannel(new FrameDecoder(ProtocolLimits.defaults()), new FrameBodyDecoder());

  @AfterEach
  void release() {
    server.finishAndReleaseAll();
    responseDecoder.finishAndReleaseAll();
  }

  private void send(long id, Request request) {
    server.writeInbound(Unpooled.wrappedBuffer(bytes(Frame.request(id, request))));
  }

  /** Responses written so far, decoded. */
  private List<Frame> responses() {
    server.runPendingTasks();
    for (ByteBuf buf; (buf = server.readOutbound()) != null; ) {
      responseDecoder.writeInbound(buf);
    }
    List<Frame> frames = new ArrayList<>();
    for (Frame frame; (frame = responseDecoder.readInbound()) != null; ) {
      frames.add(frame);
    }
    return frames;
  }

  private static ErrorCode errorOf(Frame frame) {
    return frame.response().getError().getCode();
  }

  @Test
  void responsesGoOutInCompletionOrderTaggedWithTheirIds() {
    send(1, get("slow"));
    send(2, get("fast"));

    handed.get("fast").complete(found("2"));
    handed.get("slow").complete(found("1"));

    assertThat(responses())
        .containsExactly(Frame.response(2, found("2")), Frame.response(1, found("1")));
  }

  @Test
  void aHandlerThatThrowsIsAnsweredWithInternalAndTheConnectionCarriesOn() {
    handler =
        request -> {
          if (key(request).equals("boom")) {
            throw new IllegalStateException("kaput");
          }
          return CompletableFuture.completedFuture(found("ok"));
        };

    send(1, get("boom"));
    send(2, get("fine"));

    List<Frame> responses = responses();
    assertThat(responses).hasSize(2);
    assertThat(responses.get(0).id()).isEqualTo(1);
    assertThat(errorOf(responses.get(0))).isEqualTo(ErrorCode.INTERNAL);
    assertThat(responses.get(0).response().getError().getMessage()).contains("kaput");
    assertThat(responses.get(1)).isEqualTo(Frame.response(2, found("ok")));
    assertThat(server.isOpen()).isTrue();
  }

  @Test
  void aFailedFutureIsInternalUnlessItCarriesAnErrorCode() {
    send(1, get("a"));
    send(2, get("b"));
    handed.get("a").completeExceptionally(new RuntimeException("disk on fire"));
    handed.get("b").completeExceptionally(new RingstoreException(ErrorCode.OVERLOADED, "busy"));

    List<Frame> responses = responses();
    assertThat(responses)
        .extracting(RequestDispatcherTest::errorOf)
        .containsExactly(ErrorCode.INTERNAL, ErrorCode.OVERLOADED);
    assertThat(responses.get(1).response().getError().getMessage()).isEqualTo("busy");
  }

  @Test
  void aNullResponseOrFutureIsInternal() {
    handler =
        request ->
            key(request).equals("null-future") ? null : CompletableFuture.completedFuture(null);

    send(1, get("null-future"));
    send(2, get("null-response"));

    assertThat(responses())
        .extracting(RequestDispatcherTest::errorOf)
        .containsExactly(ErrorCode.INTERNAL, ErrorCode.INTERNAL);
  }

  @Test
  void atTheInFlightBoundReadingStopsAndExtraRequestsWaitUntilResponsesDrain() {
    send(1, get("a"));
    assertThat(server.config().isAutoRead()).isTrue();
    send(2, get("b"));
    assertThat(server.config().isAutoRead()).isFalse();

    // Bytes already read still decode, but the handler is not given more than the bound.
    send(3, get("c"));
    assertThat(handed).containsOnlyKeys("a", "b");

    handed.get("a").complete(found("a"));
    assertThat(responses()).extracting(Frame::id).containsExactly(1L);
    assertThat(handed).containsOnlyKeys("a", "b", "c");
    assertThat(server.config().isAutoRead()).isFalse();

    handed.get("b").complete(found("b"));
    handed.get("c").complete(found("c"));
    assertThat(responses()).extracting(Frame::id).containsExactly(2L, 3L);
    assertThat(server.config().isAutoRead()).isTrue();
    assertThat(dispatcher.inFlight()).isZero();
  }

  @Test
  void anOversizedRequestIsAnsweredTooLargeAndTheNextOneIsServed() {
    server.writeInbound(
        Unpooled.wrappedBuffer(concat(header(FrameKind.REQUEST, 5, 5000), new byte[5000])));
    send(6, get("next"));
    handed.get("next").complete(found("n"));

    List<Frame> responses = responses();
    assertThat(responses).extracting(Frame::id).containsExactly(5L, 6L);
    assertThat(errorOf(responses.get(0))).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(responses.get(1).response().hasError()).isFalse();
  }

  @Test
  void aMalformedBodyIsAnsweredBadRequestForItsId() {
    server.writeInbound(
        Unpooled.wrappedBuffer(
            concat(header(FrameKind.REQUEST, 9, 2), new byte[] {(byte) 0xff, 1})));

    List<Frame> responses = responses();
    assertThat(responses).extracting(Frame::id).containsExactly(9L);
    assertThat(errorOf(responses.get(0))).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(server.isOpen()).isTrue();
  }

  @Test
  void aResponseFrameSentToTheServerIsABadRequest() {
    server.writeInbound(Unpooled.wrappedBuffer(bytes(Frame.response(4, found("x")))));

    List<Frame> responses = responses();
    assertThat(responses).extracting(Frame::id).containsExactly(4L);
    assertThat(errorOf(responses.get(0))).isEqualTo(ErrorCode.BAD_REQUEST);
  }

  @Test
  void aProtocolViolationIsAnsweredOnIdZeroAndClosesTheConnection() {
    server.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G', 'E', 'T', ' '}));

    List<Frame> responses = responses();
    assertThat(responses).extracting(Frame::id).containsExactly(Frame.CONNECTION_ID);
    assertThat(errorOf(responses.get(0))).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(server.isOpen()).isFalse();
  }

  @Test
  void drainingAnswersWhatWasReceivedAndThenCloses() {
    send(1, get("a"));
    dispatcher.drain();
    assertThat(server.isOpen()).isTrue();
    send(2, get("late"));

    handed.get("a").complete(found("a"));
    List<Frame> responses = responses();

    assertThat(responses).extracting(Frame::id).containsExactly(2L, 1L);
    assertThat(errorOf(responses.get(0))).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(server.isOpen()).isFalse();
  }
}
