package dev.ringstore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes from a peer through the inbound half of a connection: {@link FrameDecoder} then
 * {@link FrameBodyDecoder}. Nothing may escape the pipeline as an exception, and what comes out
 * must be one of the four documented events. The decoder must not care how the stream was cut into
 * reads, so the same bytes are fed whole and in uneven pieces and must give the same events.
 *
 * <p>CI runs the corpus in {@code FrameDecoderFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes.
 */
@Timeout(60)
class FrameDecoderFuzzTest {
  /** Small, so that the oversized path is reached by short inputs too. */
  private static final ProtocolLimits LIMITS = ProtocolLimits.defaults().withMaxFrameBytes(512);

  @FuzzTest(maxDuration = "5m")
  void anyByteStreamDecodesToDocumentedEvents(byte[] stream) {
    List<Object> whole = decode(stream, at -> stream.length);
    List<Object> pieces = decode(stream, at -> 1 + (stream[at] & 0x0F));

    for (int i = 0; i < whole.size(); i++) {
      Object event = whole.get(i);
      assertThat(event)
          .isInstanceOfAny(
              Frame.class, MalformedFrame.class, OversizedFrame.class, ProtocolViolation.class);
      if (event instanceof Frame frame) {
        assertThat(frame.body())
            .isInstanceOf(frame.kind() == FrameKind.REQUEST ? Request.class : Response.class);
        assertThat(frame.wireSize()).isLessThanOrEqualTo(LIMITS.maxFrameBytes());
      }
      if (event instanceof ProtocolViolation) {
        assertThat(i).as("nothing follows a protocol violation").isEqualTo(whole.size() - 1);
      }
    }
    assertThat(pieces.stream().map(FrameDecoderFuzzTest::withoutReason))
        .as("events do not depend on how reads cut the stream")
        .containsExactlyElementsOf(
            whole.stream().map(FrameDecoderFuzzTest::withoutReason).toList());
  }

  /**
   * Protobuf words its complaint differently for a heap and a direct buffer (one reads a nested
   * length first, the other the fields), and a body cut from several reads lands in a direct one.
   * Which frame was malformed must not differ; why may.
   */
  private static Object withoutReason(Object event) {
    return event instanceof MalformedFrame malformed
        ? new MalformedFrame(malformed.kind(), malformed.id(), "")
        : event;
  }

  /** The events of {@code stream} fed in reads whose size {@code readSize} picks at each offset. */
  private static List<Object> decode(byte[] stream, IntUnaryOperator readSize) {
    FrameDecoder decoder = new FrameDecoder(LIMITS);
    EmbeddedChannel channel = new EmbeddedChannel(decoder, new FrameBodyDecoder());
    List<Object> events = new ArrayList<>();
    try {
      for (int at = 0; at < stream.length; ) {
        int length = Math.min(readSize.applyAsInt(at), stream.length - at);
        channel.writeInbound(Unpooled.copiedBuffer(stream, at, length));
        at += length;
        assertThat(decoder.bufferedBytes())
            .as("the decoder holds at most one frame")
            .isLessThanOrEqualTo(LIMITS.maxFrameBytes());
        for (Object event; (event = channel.readInbound()) != null; ) {
          events.add(event);
        }
      }
    } finally {
      channel.finishAndReleaseAll();
    }
    return events;
  }
}
