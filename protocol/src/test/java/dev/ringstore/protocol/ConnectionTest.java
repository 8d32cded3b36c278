package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.concat;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static dev.ringstore.protocol.WireFrames.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client end of a connection on an {@link EmbeddedChannel}, with time under test control. */
@Timeout(30)
class ConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final ProtocolLimits LIMITS =
      ProtocolLimits.defaults().withMaxFrameBytes(1024).withMaxInFlightPerConnection(3);

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final Connection connection = new Connection(channel, LIMITS);
  private final EmbeddedChannel requestDecoder =
      new EmbeddedChannel(new FrameDecoder(ProtocolLimits.defaults()), new FrameBodyDecoder());

  ConnectionTest() {
    channel.freezeTime();
  }

  @AfterEach
  void release() {
    channel.finishAndReleaseAll();
    requestDecoder.finishAndReleaseAll();
  }

  /** Requests written to the wire so far, decoded. */
  private List<Frame> sent() {
    for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
      requestDecoder.writeInbound(buf);
    }
    List<Frame> frames = new ArrayList<>();
    for (Frame frame; (frame = requestDecoder.readInbound()) != null; ) {
      frames.add(frame);
    }
    return frames;
  }

  private void receive(byte[] wire) {
    channel.writeInbound(Unpooled.wrappedBuffer(wire));
  }

  private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code) {
    ThrowingCallable join = future::join;
    assertThatThrownBy(join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void requestsGetIdsOfTheirOwnAndResponsesAreMatchedByIdInAnyOrder() {
    CompletableFuture<Response> a = connection.send(get("a"), TIMEOUT);
    CompletableFuture<Response> b = connection.send(get("b"), TIMEOUT);

    List<Frame> sent = sent();
    assertThat(sent).containsExactly(Frame.request(1, get("a")), Frame.request(2, get("b")));
    receive(concat(bytes(Frame.response(2, found("B"))), bytes(Frame.response(1, found("A")))));

    assertThat(a).isCompletedWithValue(found("A"));
    assertThat(b).isCompletedWithValue(found("B"));
    assertThat(connection.inFlight()).isZero();
  }

  @Test
  void anErrorResponseCompletesNormallyAndRequireOkTurnsItIntoTheTypedException() {
    CompletableFuture<Response> future = connection.send(get("a"), TIMEOUT);
    Response error = RingstoreException.errorResponse(ErrorCode.TOO_MANY_SIBLINGS, "100 siblings");
    receive(bytes(Frame.response(1, error)));

    assertThat(future).isCompletedWithValue(error);
    assertFailsWith(future.thenApply(RingstoreException::requireOk), ErrorCode.TOO_MANY_SIBLINGS);
  }

  @Test
  void noResponseWithinTheTimeoutFailsWithTimeoutAndALateResponseIsDropped() {
    CompletableFuture<Response> future = connection.send(get("a"), TIMEOUT);
    CompletableFuture<Response> other = connection.send(get("b"), TIMEOUT);

    channel.advanceTimeBy(999, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertThat(future).isNotDone();
    receive(bytes(Frame.response(2, found("the peer is alive"))));
    assertThat(other).isDone();

    channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertFailsWith(future, ErrorCode.TIMEOUT);
    assertThat(connection.inFlight()).isZero();

    receive(bytes(Frame.response(1, found("late"))));
    channel.checkException();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aConnectionSilentForAWholeTimeoutAndAProbeIsClosedAsDead() {
    CompletableFuture<Response> first = connection.send(get("a"), TIMEOUT);
    channel.advanceTimeBy(500, TimeUnit.MILLISECONDS);
    CompletableFuture<Response> second = connection.send(get("b"), Duration.ofSeconds(5));

    channel.advanceTimeBy(500, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertFailsWith(first, ErrorCode.TIMEOUT);
    assertThat(sent()).last().satisfies(probe -> assertThat(probe.request().hasPing()).isTrue());
    assertThat(connection.isOpen()).as("the probe is out").isTrue();

    channel.advanceTimeBy(1000, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    channel.runPendingTasks();
    assertThat(connection.isOpen()).as("closed, so the owner opens a new one").isFalse();
    assertFailsWith(second, ErrorCode.UNAVAILABLE);
  }

  @Test
  void aPeerThatAnswersTheProbeKeepsTheConnection() {
    CompletableFuture<Response> ignored = connection.send(get("a"), TIMEOUT);
    channel.advanceTimeBy(1000, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertFailsWith(ignored, ErrorCode.TIMEOUT);

    receive(bytes(Frame.response(2, found("pong"))));
    channel.advanceTimeBy(1000, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    channel.runPendingTasks();
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void aFullConnectionFailsFastWithOverloaded() {
    for (int i = 0; i < 3; i++) {
      connection.send(get("k" + i), TIMEOUT);
    }

    assertFailsWith(connection.send(get("one too many"), TIMEOUT), ErrorCode.OVERLOADED);

    receive(bytes(Frame.response(1, found("x"))));
    assertThat(connection.send(get("room again"), TIMEOUT)).isNotDone();
  }

  @Test
  void closingFailsEverythingPendingAndLaterSendsWithUnavailable() {
    CompletableFuture<Response> pending = connection.send(get("a"), TIMEOUT);

    connection.close();

    assertFailsWith(pending, ErrorCode.UNAVAILABLE);
    assertFailsWith(connection.send(get("b"), TIMEOUT), ErrorCode.UNAVAILABLE);
    assertThat(connection.closeFuture()).isDone();
  }

  @Test
  void aRequestOverTheFrameLimitFailsWithoutBeingSent() {
    assertFailsWith(connection.send(get("x".repeat(2000)), TIMEOUT), ErrorCode.TOO_LARGE);
    assertThat(sent()).isEmpty();
    assertThat(connection.inFlight()).isZero();
  }

  @Test
  void anOversizedResponseFailsItsRequestWithTooLargeAndTheConnectionCarriesOn() {
    CompletableFuture<Response> big = connection.send(get("big"), TIMEOUT);
    CompletableFuture<Response> small = connection.send(get("small"), TIMEOUT);

    receive(concat(header(FrameKind.RESPONSE, 1, 4096), new byte[4096]));
    receive(bytes(Frame.response(2, found("s"))));

    assertFailsWith(big, ErrorCode.TOO_LARGE);
    assertThat(small).isCompletedWithValue(found("s"));
  }

  @Test
  void aMalformedResponseFailsItsRequestWithInternal() {
    CompletableFuture<Response> future = connection.send(get("a"), TIMEOUT);

    receive(concat(header(FrameKind.RESPONSE, 1, 1), new byte[] {(byte) 0xff}));

    assertFailsWith(future, ErrorCode.INTERNAL);
  }

  @Test
  void garbageFromThePeerClosesTheConnectionAndFailsPendingWithUnavailable() {
    CompletableFuture<Response> future = connection.send(get("a"), TIMEOUT);

    receive(new byte[] {'H', 'T', 'T', 'P'});

    assertFailsWith(future, ErrorCode.UNAVAILABLE);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void cancellingAFutureFreesItsSlot() {
    CompletableFuture<Response> future = connection.send(get("a"), TIMEOUT);

    future.cancel(false);

    assertThat(connection.inFlight()).isZero();
  }
}
