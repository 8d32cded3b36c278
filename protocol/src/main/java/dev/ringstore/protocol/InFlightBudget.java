package dev.ringstore.protocol;

/**
 * The bytes one server connection holds in memory on its peer's behalf: each request from when it
 * is handed to the handler until its response is written, plus that response from when it is queued
 * until the socket has taken it. The count bound alone lets 1,024 requests of 9 MiB each pin 9 GiB;
 * this caps the sum at {@link ProtocolLimits#maxBytesInFlightPerConnection()}.
 *
 * <p>Counting a response until its write completes is what holds a peer that never reads: its
 * responses pile up in the outbound buffer, the budget fills, and the {@link RequestDispatcher}
 * stops reading (auto-read off) exactly as at the count bound, resuming as writes drain. The bound
 * is checked before a request starts, so it can be overshot by the responses of requests already
 * started — at most one response each, and they are themselves under the count bound.
 *
 * <p>Not thread-safe: touched only on the connection's event loop.
 */
final class InFlightBudget {
  private final long maxBytes;
  private long bytes;

  InFlightBudget(ProtocolLimits limits) {
    this.maxBytes = limits.maxBytesInFlightPerConnection();
  }

  void take(long count) {
    bytes += count;
  }

  void give(long count) {
    bytes -= count;
  }

  /** Whether no further request should start until some bytes are given back. */
  boolean exhausted() {
    return bytes >= maxBytes;
  }

  /** Bytes taken and not yet given back. */
  long bytes() {
    return bytes;
  }
}
