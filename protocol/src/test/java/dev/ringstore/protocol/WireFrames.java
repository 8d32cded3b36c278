package dev.ringstore.protocol;

import com.google.protobuf.ByteString;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.GetResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;

/** Test fixtures: messages and frames as bytes. */
final class WireFrames {
  private WireFrames() {}

  static Request get(String key) {
    return Request.newBuilder()
        .setGet(GetRequest.newBuilder().setKey(ByteString.copyFromUtf8(key)))
        .build();
  }

  static Response found(String... values) {
    GetResponse.Builder get = GetResponse.newBuilder().setFound(true);
    for (String value : values) {
      get.addValues(ByteString.copyFromUtf8(value));
    }
    return Response.newBuilder().setGet(get).build();
  }

  /** The key of a get request, as text. */
  static String key(Request request) {
    return request.getGet().getKey().toString(StandardCharsets.UTF_8);
  }

  /** The first value of a get response, as text. */
  static String firstValue(Response response) {
    return response.getGet().getValues(0).toString(StandardCharsets.UTF_8);
  }

  /** {@code frame} as the encoder writes it. */
  static byte[] bytes(Frame frame) {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new FrameEncoder(ProtocolLimits.defaults().withMaxFrameBytes(Integer.MAX_VALUE)));
    channel.writeOutbound(frame);
    ByteBuf buf = channel.readOutbound();
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    channel.finishAndReleaseAll();
    return bytes;
  }

  /** A header declaring {@code bodyBytes} with no body after it. */
  static byte[] header(FrameKind kind, long id, long bodyBytes) {
    ByteBuf buf = Unpooled.buffer(Frame.HEADER_BYTES);
    buf.writeByte(Frame.MAGIC).writeByte(kind.wireValue()).writeLong(id).writeInt((int) bodyBytes);
    return buf.array();
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
