package dev.ringstore.protocol;

/**
 * A well-framed frame whose body is not a valid protobuf message of its kind. Framing is intact, so
 * the connection stays usable; a server answers request {@code id} with {@code BAD_REQUEST}.
 *
 * @param kind the frame's kind
 * @param id the frame's request id
 * @param reason why the body did not parse
 */
public record MalformedFrame(FrameKind kind, long id, String reason) {}
