package dev.ringstore.protocol;

/**
 * The hard limits one end of a connection enforces, each with its default beside it.
 *
 * @param maxFrameBytes the largest frame accepted or sent, header included. A larger incoming frame
 *     is skipped unread and answered with {@code TOO_LARGE}; checked before any body byte is
 *     buffered. Default {@value #MAX_FRAME_BYTES_DEFAULT} (9 MiB: an 8 MiB value, a 64 KiB key and
 *     room for the rest of the message).
 * @param maxInFlightPerConnection how many requests one connection may have outstanding. A server
 *     stops reading from a connection at this bound until responses drain; a client fails further
 *     sends with {@code OVERLOADED}. Default {@value #MAX_IN_FLIGHT_PER_CONNECTION_DEFAULT}.
 */
public record ProtocolLimits(int maxFrameBytes, int maxInFlightPerConnection) {

  public static final int MAX_FRAME_BYTES_DEFAULT = 9 * 1024 * 1024;
  public static final int MAX_IN_FLIGHT_PER_CONNECTION_DEFAULT = 1024;

  private static final ProtocolLimits DEFAULTS =
      new ProtocolLimits(MAX_FRAME_BYTES_DEFAULT, MAX_IN_FLIGHT_PER_CONNECTION_DEFAULT);

  public ProtocolLimits {
    if (maxFrameBytes < Frame.HEADER_BYTES) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least " + Frame.HEADER_BYTES + ": " + maxFrameBytes);
    }
    if (maxInFlightPerConnection < 1) {
      throw new IllegalArgumentException(
          "maxInFlightPerConnection must be positive: " + maxInFlightPerConnection);
    }
  }

  /** Every limit at its default. */
  public static ProtocolLimits defaults() {
    return DEFAULTS;
  }

  public ProtocolLimits withMaxFrameBytes(int value) {
    return new ProtocolLimits(value, maxInFlightPerConnection);
  }

  public ProtocolLimits withMaxInFlightPerConnection(int value) {
    return new ProtocolLimits(maxFrameBytes, value);
  }
}
