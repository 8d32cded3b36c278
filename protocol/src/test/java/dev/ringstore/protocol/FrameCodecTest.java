package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.concat;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static dev.ringstore.protocol.WireFrames.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FrameCodecTest {
  private static final int LIMIT = 1024;

  private final FrameDecoder decoder = new FrameDecoder(limits());
  private final EmbeddedChannel channel =
      new EmbeddedChannel(decoder, new FrameBodyDecoder(), new FrameEncoder(limits()));

  private static ProtocolLimits limits() {
    return ProtocolLimits.defaults().withMaxFrameBytes(LIMIT);
  }

  @AfterEach
  void noLeaks() {
    channel.finishAndReleaseAll();
  }

  private List<Object> feed(byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    return drain();
  }

  private List<Object> drain() {
    List<Object> out = new ArrayList<>();
    for (Object msg; (msg = channel.readInbound()) != null; ) {
      out.add(msg);
    }
    return out;
  }

  @Test
  void headerIsLaidOutAsDocumented() {
    byte[] wire = bytes(Frame.request(0x0102030405060708L, get("k")));

    assertThat(wire[0]).isEqualTo((byte) 'R');
    assertThat(wire[1]).isEqualTo((byte) 1);
    assertThat(Arrays.copyOfRange(wire, 2, 10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(Unpooled.wrappedBuffer(wire, 10, 4).readInt()).isEqualTo(wire.length - 14);
  }

  @Test
  void theExampleInDocsProtocolMdIsWhatTheEncoderWrites() {
    assertThat(bytes(Frame.request(1, get("k"))))
        .containsExactly(
            0x52, 0x01, 0, 0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0, 0x05, 0x52, 0x03, 0x0a, 0x01, 0x6b);
  }

  @Test
  void requestsAndResponsesRoundTrip() {
    Frame request = Frame.request(7, get("apple"));
    Frame response = Frame.response(7, found("red", "green"));

    channel.writeOutbound(request, response);
    ByteBuf first = channel.readOutbound();
    ByteBuf second = channel.readOutbound();
    channel.writeInbound(first, second);

    assertThat(drain()).containsExactly(request, response);
  }

  @Test
  void anEmptyBodyIsAFrameToo() {
    Frame empty = Frame.request(3, Request.getDefaultInstance());

    assertThat(feed(bytes(empty))).containsExactly(empty);
  }

  @Test
  void aFrameSplitIntoOneByteReadsDecodesOnceComplete() {
    Frame frame = Frame.request(42, get("split"));
    byte[] wire = bytes(frame);

    for (int i = 0; i < wire.length - 1; i++) {
      assertThat(feed(new byte[] {wire[i]})).isEmpty();
    }
    assertThat(feed(new byte[] {wire[wire.length - 1]})).containsExactly(frame);
  }

  @Test
  void twoFramesInOneBufferBothDecode() {
    Frame a = Frame.request(1, get("a"));
    Frame b = Frame.request(2, get("b"));

    assertThat(feed(concat(bytes(a), bytes(b)))).containsExactly(a, b);
  }

  @Test
  void anOversizedFrameIsSkippedAsItArrivesWithoutBuffering() {
    int bodyBytes = 1024 * 1024;
    assertThat(feed(header(FrameKind.REQUEST, 99, bodyBytes)))
        .containsExactly(new OversizedFrame(FrameKind.REQUEST, 99, bodyBytes + 14L, LIMIT));

    byte[] chunk = new byte[8192];
    Arrays.fill(chunk, (byte) 'R');
    for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
      ByteBuf buf = Unpooled.wrappedBuffer(chunk);
      channel.writeInbound(buf);
      assertThat(buf.refCnt()).as("chunk released, not accumulated").isZero();
      assertThat(decoder.bufferedBytes()).isZero();
      assertThat(drain()).isEmpty();
    }

    Frame next = Frame.request(100, get("after"));
    assertThat(feed(bytes(next))).containsExactly(next);
  }

  @Test
  void anOversizedBodyEndingMidBufferLeavesTheNextFrameIntact() {
    Frame next = Frame.request(2, get("next"));
    byte[] wire = concat(header(FrameKind.RESPONSE, 1, LIMIT), new byte[LIMIT], bytes(next));

    assertThat(feed(wire))
        .containsExactly(new OversizedFrame(FrameKind.RESPONSE, 1, LIMIT + 14L, LIMIT), next);
  }

  @Test
  void aFrameExactlyAtTheLimitIsAccepted() {
    byte[] wire = concat(header(FrameKind.REQUEST, 5, LIMIT - 14), new byte[LIMIT - 14]);

    // All-zero bytes are not a valid message, but the frame itself passes the size check.
    assertThat(feed(wire)).singleElement().isInstanceOf(MalformedFrame.class);
  }

  @Test
  void aBadMagicByteIsAProtocolViolationAndEverythingAfterIsDiscarded() {
    assertThat(feed(new byte[] {'X'}))
        .singleElement()
        .isInstanceOfSatisfying(
            ProtocolViolation.class, v -> assertThat(v.reason()).contains("magic"));

    assertThat(feed(bytes(Frame.request(1, get("ignored"))))).isEmpty();
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void anUnknownKindIsAProtocolViolation() {
    assertThat(feed(new byte[] {Frame.MAGIC, 9}))
        .singleElement()
        .isInstanceOfSatisfying(
            ProtocolViolation.class, v -> assertThat(v.reason()).contains("kind"));
  }

  @Test
  void aGarbageBodyIsMalformedForItsIdAndTheNextFrameStillDecodes() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    Frame next = Frame.request(8, get("fine"));

    List<Object> out =
        feed(concat(header(FrameKind.REQUEST, 7, garbage.length), garbage, bytes(next)));

    assertThat(out).hasSize(2);
    assertThat(out.get(0))
        .isInstanceOfSatisfying(
            MalformedFrame.class,
            m -> {
              assertThat(m.id()).isEqualTo(7);
              assertThat(m.kind()).isEqualTo(FrameKind.REQUEST);
            });
    assertThat(out.get(1)).isEqualTo(next);
  }

  @Test
  void aTruncatedFrameDeliversNothingEvenWhenTheChannelCloses() {
    byte[] wire = bytes(Frame.request(1, get("truncated")));

    assertThat(feed(Arrays.copyOf(wire, wire.length - 1))).isEmpty();
    channel.finish();
    assertThat(drain()).isEmpty();
  }

  @Test
  void theEncoderRefusesAFrameOverTheLimit() {
    Frame huge = Frame.request(1, get("x".repeat(LIMIT)));

    assertThatThrownBy(() -> channel.writeOutbound(huge))
        .isInstanceOf(EncoderException.class)
        .cause()
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
  }

  @Test
  void aFrameCannotCarryTheWrongKindOfMessage() {
    assertThatThrownBy(() -> new Frame(FrameKind.RESPONSE, 1, get("k")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
