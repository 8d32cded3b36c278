package dev.ringstore.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A frame cut out of the byte stream by {@link FrameDecoder} whose body has not been parsed yet.
 * Reference counted: whoever consumes it releases it ({@link FrameBodyDecoder} does).
 */
public final class RawFrame extends DefaultByteBufHolder {
  private final FrameKind kind;
  private final long id;

  /** Takes ownership of {@code body}. */
  public RawFrame(FrameKind kind, long id, ByteBuf body) {
    super(body);
    this.kind = kind;
    this.id = id;
  }

  public FrameKind kind() {
    return kind;
  }

  public long id() {
    return id;
  }

  @Override
  public String toString() {
    return "RawFrame[kind="
        + kind
        + ", id="
        + id
        + ", bodyBytes="
        + content().readableBytes()
        + "]";
  }
}
