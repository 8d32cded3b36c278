package dev.ringstore.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the inbound byte stream into frames. Every frame, request or response, is laid out as:
 *
 * <pre>
 *  byte  0        1        2 ................. 9   10 ........... 13   14 ............
 *       +--------+--------+----------------------+-------------------+----------------+
 *       | magic  |  kind  |  request id          |  body length      |  body          |
 *       | 0x52   | 1 = rq | u64, big-endian      |  u32, big-endian  |  protobuf      |
 *       |  'R'   | 2 = rs |                      |  (bytes of body)  |  Request or    |
 *       |        |        |                      |                   |  Response      |
 *       +--------+--------+----------------------+-------------------+----------------+
 *       |&lt;------------------ header: 14 bytes ------------------------&gt;|
 * </pre>
 *
 * <p>What comes out, in stream order:
 *
 * <ul>
 *   <li>{@link RawFrame} for each complete frame within the limit (its body not yet parsed);
 *   <li>{@link OversizedFrame} as soon as a header declares a frame larger than {@link
 *       ProtocolLimits#maxFrameBytes()}. The body is then skipped as it arrives, never buffered,
 *       and the next frame decodes normally;
 *   <li>{@link ProtocolViolation} once, on a bad magic byte or an unknown kind. Frame boundaries
 *       are lost, so every later byte is discarded; the connection should be closed.
 * </ul>
 *
 * A truncated frame produces nothing: the decoder waits for the rest. At most one header's worth of
 * bytes is held while waiting for a header, and a body is accumulated only once its declared length
 * has passed the limit check.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

  private enum State {
    HEADER,
    BODY,
    SKIP,
    FAILED
  }

  private final int maxFrameBytes;
  private State state = State.HEADER;
  private FrameKind kind;
  private long id;
  private long remaining;

  public FrameDecoder(ProtocolLimits limits) {
    this.maxFrameBytes = limits.maxFrameBytes();
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    for (; ; ) {
      switch (state) {
        case HEADER:
          if (!readHeader(in, out)) {
            return;
          }
          break;
        case BODY:
          if (in.readableBytes() < remaining) {
            return;
          }
          out.add(new RawFrame(kind, id, in.readRetainedSlice((int) remaining)));
          state = State.HEADER;
          break;
        case SKIP:
          if (!in.isReadable()) {
            return;
          }
          int skipped = (int) Math.min(remaining, in.readableBytes());
          in.skipBytes(skipped);
          remaining -= skipped;
          if (remaining == 0) {
            state = State.HEADER;
          }
          break;
        case FAILED:
        default:
          in.skipBytes(in.readableBytes());
          return;
      }
    }
  }

  /** Reads a header if a whole one is there; returns false to wait for more bytes. */
  private boolean readHeader(ByteBuf in, List<Object> out) {
    if (!in.isReadable()) {
      return false;
    }
    int start = in.readerIndex();
    byte magic = in.getByte(start);
    if (magic != Frame.MAGIC) {
      fail(in, out, String.format("bad magic byte 0x%02x, expected 0x%02x", magic, Frame.MAGIC));
      return false;
    }
    if (in.readableBytes() < 2) {
      return false;
    }
    byte kindByte = in.getByte(start + 1);
    FrameKind declared = FrameKind.fromWire(kindByte);
    if (declared == null) {
      fail(in, out, String.format("unknown frame kind 0x%02x", kindByte));
      return false;
    }
    if (in.readableBytes() < Frame.HEADER_BYTES) {
      return false;
    }
    in.skipBytes(2);
    kind = declared;
    id = in.readLong();
    remaining = in.readUnsignedInt();
    long frameBytes = Frame.HEADER_BYTES + remaining;
    if (frameBytes > maxFrameBytes) {
      out.add(new OversizedFrame(kind, id, frameBytes, maxFrameBytes));
      state = State.SKIP;
    } else {
      state = State.BODY;
    }
    return true;
  }

  private void fail(ByteBuf in, List<Object> out, String reason) {
    state = State.FAILED;
    in.skipBytes(in.readableBytes());
    out.add(new ProtocolViolation(reason));
  }

  /** Bytes held by the decoder right now, waiting for the rest of a header or body. */
  int bufferedBytes() {
    return internalBuffer().readableBytes();
  }
}
