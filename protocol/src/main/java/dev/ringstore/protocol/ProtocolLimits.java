package dev.ringstore.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The hard limits one end of a connection enforces, each with its default beside it. The last three
 * bound what a listener gives to peers it does not trust (see docs/security.md); a client ignores
 * them.
 *
 * @param maxFrameBytes the largest frame accepted or sent, header included. A larger incoming frame
 *     is skipped unread and answered with {@code TOO_LARGE}; checked before any body byte is
 *     buffered. Default {@value #MAX_FRAME_BYTES_DEFAULT} (9 MiB: an 8 MiB value, a 64 KiB key and
 *     room for the rest of the message).
 * @param maxInFlightPerConnection how many requests one connection may have outstanding. A server
 *     stops reading from a connection at this bound until responses drain; a client fails further
 *     sends with {@code OVERLOADED}. Default {@value #MAX_IN_FLIGHT_PER_CONNECTION_DEFAULT}.
 * @param maxConnections how many connections one listener keeps open; one more is closed as soon as
 *     it is accepted, before a byte is read. Default {@value #MAX_CONNECTIONS_DEFAULT}.
 * @param idleTimeout how long a server keeps a connection that makes no progress — no whole frame
 *     arrives and no response is written — while it has nothing in flight or its peer does not
 *     read; it then closes it, after between one and one and a half timeouts. Covers idle peers and
 *     peers that send half a frame and stall. Default {@link #IDLE_TIMEOUT_DEFAULT}.
 * @param maxBytesInFlightPerConnection request bytes handed to the handler and not yet answered
 *     plus response bytes queued and not yet written, per connection; at the bound a server stops
 *     reading, as at the count bound. Default {@value #MAX_BYTES_IN_FLIGHT_PER_CONNECTION_DEFAULT}.
 */
public record ProtocolLimits(
    int maxFrameBytes,
    int maxInFlightPerConnection,
    int maxConnections,
    Duration idleTimeout,
    long maxBytesInFlightPerConnection) {

  public static final int MAX_FRAME_BYTES_DEFAULT = 9 * 1024 * 1024;
  public static final int MAX_IN_FLIGHT_PER_CONNECTION_DEFAULT = 1024;
  public static final int MAX_CONNECTIONS_DEFAULT = 4096;
  public static final Duration IDLE_TIMEOUT_DEFAULT = Duration.ofMinutes(5);
  public static final long MAX_BYTES_IN_FLIGHT_PER_CONNECTION_DEFAULT = 64L * 1024 * 1024;

  private static final ProtocolLimits DEFAULTS =
      new ProtocolLimits(
          MAX_FRAME_BYTES_DEFAULT,
          MAX_IN_FLIGHT_PER_CONNECTION_DEFAULT,
          MAX_CONNECTIONS_DEFAULT,
          IDLE_TIMEOUT_DEFAULT,
          MAX_BYTES_IN_FLIGHT_PER_CONNECTION_DEFAULT);

  public ProtocolLimits {
    if (maxFrameBytes < Frame.HEADER_BYTES) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least " + Frame.HEADER_BYTES + ": " + maxFrameBytes);
    }
    if (maxInFlightPerConnection < 1) {
      throw new IllegalArgumentException(
          "maxInFlightPerConnection must be positive: " + maxInFlightPerConnection);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    if (maxBytesInFlightPerConnection < 1) {
      throw new IllegalArgumentException(
          "maxBytesInFlightPerConnection must be positive: " + maxBytesInFlightPerConnection);
    }
  }

  /** Every limit at its default. */
  public static ProtocolLimits defaults() {
    return DEFAULTS;
  }

  public ProtocolLimits withMaxFrameBytes(int value) {
    return new ProtocolLimits(
        value,
        maxInFlightPerConnection,
        maxConnections,
        idleTimeout,
        maxBytesInFlightPerConnection);
  }

  public ProtocolLimits withMaxInFlightPerConnection(int value) {
    return new ProtocolLimits(
        maxFrameBytes, value, maxConnections, idleTimeout, maxBytesInFlightPerConnection);
  }

  public ProtocolLimits withMaxConnections(int value) {
    return new ProtocolLimits(
        maxFrameBytes, maxInFlightPerConnection, value, idleTimeout, maxBytesInFlightPerConnection);
  }

  public ProtocolLimits withIdleTimeout(Duration value) {
    return new ProtocolLimits(
        maxFrameBytes,
        maxInFlightPerConnection,
        maxConnections,
        value,
        maxBytesInFlightPerConnection);
  }

  public ProtocolLimits withMaxBytesInFlightPerConnection(long value) {
    return new ProtocolLimits(
        maxFrameBytes, maxInFlightPerConnection, maxConnections, idleTimeout, value);
  }
}
