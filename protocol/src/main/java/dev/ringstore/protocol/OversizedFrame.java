package dev.ringstore.protocol;

/**
 * A frame whose header declared more bytes than the limit allows. The decoder passes this up as
 * soon as it has read the header and then skips the body as it arrives, never buffering it; the
 * connection stays usable. A server answers request {@code id} with {@code TOO_LARGE}.
 *
 * @param kind the kind the header declared
 * @param id the request id the header declared
 * @param frameBytes the frame's declared size, header included
 * @param maxFrameBytes the limit it exceeded
 */
public record OversizedFrame(FrameKind kind, long id, long frameBytes, int maxFrameBytes) {

  /** A human-readable description, used as the error message. */
  public String describe() {
    return "frame of " + frameBytes + " bytes exceeds the limit of " + maxFrameBytes + " bytes";
  }
}
