package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.concat;
import static dev.ringstore.protocol.WireFrames.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.Request;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, in whatever pieces, the decoder only ever emits its typed events. */
class FrameDecoderProperties {
  private static final ProtocolLimits LIMITS = ProtocolLimits.defaults().withMaxFrameBytes(256);

  /** Feeds {@code wire} in pieces of {@code piece} bytes and collects what comes out. */
  private static List<Object> decode(byte[] wire, int piece) {
    return decode(wire, piece, LIMITS);
  }

  private static List<Object> decode(byte[] wire, int piece, ProtocolLimits limits) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(limits), new FrameBodyDecoder());
    for (int at = 0; at < wire.length; at += piece) {
      channel.writeInbound(Unpooled.copiedBuffer(wire, at, Math.min(piece, wire.length - at)));
    }
    channel.finish();
    channel.checkException();
    List<Object> out = new ArrayList<>();
    for (Object msg; (msg = channel.readInbound()) != null; ) {
      out.add(msg);
      ReferenceCountUtil.release(msg);
    }
    return out;
  }

  @Property(tries = 500)
  void randomBytesYieldOnlyTypedEvents(
      @ForAll @Size(max = 600) byte[] garbage, @ForAll @IntRange(min = 1, max = 64) int piece) {
    for (Object msg : decode(garbage, piece)) {
      assertThat(msg)
          .isInstanceOfAny(
              Frame.class, OversizedFrame.class, MalformedFrame.class, ProtocolViolation.class);
    }
  }

  @Property(tries = 300)
  void randomBodiesBehindValidHeadersAreFramesOrMalformedForTheirOwnId(
      @ForAll @Size(max = 8) List<@Size(max = 300) byte[]> bodies,
      @ForAll @IntRange(min = 1, max = 64) int piece) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < bodies.size(); i++) {
      wire.writeBytes(header(FrameKind.REQUEST, i + 1, bodies.get(i).length));
      wire.writeBytes(bodies.get(i));
    }

    List<Object> out = decode(wire.toByteArray(), piece);

    assertThat(out).hasSameSizeAs(bodies);
    for (int i = 0; i < out.size(); i++) {
      long id = i + 1;
      Object msg = out.get(i);
      if (msg instanceof Frame frame) {
        assertThat(frame.id()).isEqualTo(id);
      } else if (msg instanceof MalformedFrame malformed) {
        assertThat(malformed.id()).isEqualTo(id);
      } else {
        assertThat(msg)
            .isInstanceOfSatisfying(OversizedFrame.class, o -> assertThat(o.id()).isEqualTo(id));
      }
    }
  }

  @Property(tries = 300)
  void validFramesDecodeTheSameHoweverTheyAreSplit(
      @ForAll @Size(min = 1, max = 10) List<@Size(max = 40) byte[]> keys,
      @ForAll @IntRange(min = 1, max = 97) int piece) {
    List<Frame> frames = new ArrayList<>();
    byte[] wire = new byte[0];
    for (int i = 0; i < keys.size(); i++) {
      Request request =
          Request.newBuilder()
              .setGet(GetRequest.newBuilder().setKey(ByteString.copyFrom(keys.get(i))))
              .build();
      Frame frame = Frame.request(Long.MAX_VALUE - i, request);
      frames.add(frame);
      wire = concat(wire, bytes(frame));
    }

    assertThat(decode(wire, piece, ProtocolLimits.defaults())).containsExactlyElementsOf(frames);
  }
}
