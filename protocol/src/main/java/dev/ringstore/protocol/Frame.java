package dev.ringstore.protocol;

import com.google.protobuf.MessageLite;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.util.Objects;

/**
 * One decoded frame: a request or response together with the request id it belongs to. This is what
 * {@link FrameBodyDecoder} passes up the pipeline and what {@link FrameEncoder} writes.
 *
 * @param kind whether {@code body} is a {@link Request} or a {@link Response}
 * @param id the request id; a response carries the id of the request it answers, and id 0 is
 *     reserved for errors about the connection as a whole
 * @param body the message, of the type {@code kind} names
 */
public record Frame(FrameKind kind, long id, MessageLite body) {

  /** The first byte of every frame: {@code 'R'}. */
  public static final byte MAGIC = 0x52;

  /** Magic (1) + kind (1) + request id (8) + body length (4). */
  public static final int HEADER_BYTES = 14;

  /** The request id of responses about the connection rather than one request. */
  public static final long CONNECTION_ID = 0;

  public Frame {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(body, "body");
    Class<?> expected = kind == FrameKind.REQUEST ? Request.class : Response.class;
    if (!expected.isInstance(body)) {
      throw new IllegalArgumentException(kind + " frame cannot carry " + body.getClass());
    }
  }

  /** A request frame. */
  public static Frame request(long id, Request request) {
    return new Frame(FrameKind.REQUEST, id, request);
  }

  /** A response frame answering request {@code id}. */
  public static Frame response(long id, Response response) {
    return new Frame(FrameKind.RESPONSE, id, response);
  }

  /** The body as a request; throws if this is a response frame. */
  public Request request() {
    if (kind != FrameKind.REQUEST) {
      throw new IllegalStateException("not a request frame");
    }
    return (Request) body;
  }

  /** The body as a response; throws if this is a request frame. */
  public Response response() {
    if (kind != FrameKind.RESPONSE) {
      throw new IllegalStateException("not a response frame");
    }
    return (Response) body;
  }

  /** The frame's size on the wire: header plus serialized body. */
  public long wireSize() {
    return HEADER_BYTES + (long) body.getSerializedSize();
  }
}
