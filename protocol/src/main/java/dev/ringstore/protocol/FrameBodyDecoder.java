package dev.ringstore.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Parses each {@link RawFrame}'s body into a {@link Frame} carrying a {@link Request} or {@link
 * Response}. A body that does not parse becomes a {@link MalformedFrame} with the frame's id, so
 * the peer can be told which request was bad while the connection carries on. Every other message
 * passes through untouched.
 */
public final class FrameBodyDecoder extends MessageToMessageDecoder<RawFrame> {

  public FrameBodyDecoder() {
    super(RawFrame.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, RawFrame raw, List<Object> out) {
    try {
      out.add(new Frame(raw.kind(), raw.id(), parse(raw)));
    } catch (InvalidProtocolBufferException e) {
      out.add(new MalformedFrame(raw.kind(), raw.id(), e.getMessage()));
    }
  }

  private static MessageLite parse(RawFrame raw) throws InvalidProtocolBufferException {
    var body = raw.content().nioBuffer();
    return raw.kind() == FrameKind.REQUEST ? Request.parseFrom(body) : Response.parseFrom(body);
  }
}
