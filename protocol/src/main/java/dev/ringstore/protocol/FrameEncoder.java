package dev.ringstore.protocol;

import com.google.protobuf.CodedOutputStream;
import dev.ringstore.protocol.v1.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;

/**
 * Writes a {@link Frame} as header plus protobuf body, in the layout drawn in {@link FrameDecoder},
 * into one exactly-sized buffer. A frame larger than {@link ProtocolLimits#maxFrameBytes()} fails
 * its write with a {@link RingstoreException} ({@code TOO_LARGE}) rather than reaching a peer that
 * would reject it; callers check sizes first where they can answer better.
 */
@Sharable
public final class FrameEncoder extends MessageToByteEncoder<Frame> {
  private final int maxFrameBytes;

  public FrameEncoder(ProtocolLimits limits) {
    super(Frame.class);
    this.maxFrameBytes = limits.maxFrameBytes();
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) {
    long size = frame.wireSize();
    if (size > maxFrameBytes) {
      throw new EncoderException(
          new RingstoreException(
              ErrorCode.TOO_LARGE,
              "frame of " + size + " bytes exceeds the limit of " + maxFrameBytes + " bytes"));
    }
    return preferDirect ? ctx.alloc().ioBuffer((int) size) : ctx.alloc().heapBuffer((int) size);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) throws IOException {
    int bodyBytes = frame.body().getSerializedSize();
    out.writeByte(Frame.MAGIC);
    out.writeByte(frame.kind().wireValue());
    out.writeLong(frame.id());
    out.writeInt(bodyBytes);
    out.ensureWritable(bodyBytes);
    if (out.nioBufferCount() != 1) {
      frame.body().writeTo(new ByteBufOutputStream(out));
      return;
    }
    // Serialize straight into the buffer's memory, without an intermediate byte[].
    CodedOutputStream body =
        CodedOutputStream.newInstance(out.nioBuffer(out.writerIndex(), bodyBytes));
    frame.body().writeTo(body);
    body.flush();
    body.checkNoSpaceLeft();
    out.writerIndex(out.writerIndex() + bodyBytes);
  }
}
