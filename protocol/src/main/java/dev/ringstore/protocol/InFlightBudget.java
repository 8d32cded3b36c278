package dev.ringstore.protocol;

/**
 * The bytes one server connection holds in memory on its peer's behalf: each request from when it
 * is handed to the handler until its response is written, plus that response from when it is queued
 * until the socket has taken it. The count bound alone lets 1,024 requests of 9 MiB each pin 9 GiB;
 * this caps the sum near {@link ProtocolLimits#maxBytesInFlightPerConnection()}.
 *
 * <p>Requests are checked before they start: while the budget is exhausted the {@link
 * RequestDispatcher} stops reading (auto-read off), as at the count bound. Responses cannot be
 * checked before they exist — a 20-byte get may return 8 MiB, and one read can start hundreds of
 * gets — so a response is checked when it is ready: if responses are already queued and it would
 * take the budget past its bound, the peer is not keeping up, and it gets {@code OVERLOADED}
 * instead (the full response becomes garbage at once). Reading then stays off until every queued
 * response is written. So a peer that never reads holds at most the bound plus one response, and
 * small error frames for the requests it had already sent, which the count bound limits.
 *
 * <p>Not thread-safe: touched only on the connection's event loop.
 */
final class InFlightBudget {
  private final long maxBytes;
  private long bytes;
  private int queuedResponses;
  private boolean shedding;

  InFlightBudget(ProtocolLimits limits) {
    this.maxBytes = limits.maxBytesInFlightPerConnection();
  }

  /** Counts a request handed to the handler. */
  void take(long requestBytes) {
    bytes += requestBytes;
  }

  /** Whether a response of {@code size} may be queued, rather than shed. */
  boolean admits(long size) {
    return queuedResponses == 0 || bytes + size <= maxBytes;
  }

  /** Notes that a response was shed: nothing more starts until the queue has drained. */
  void shed() {
    shedding = true;
  }

  /** Counts a response queued for writing. */
  void queue(long size) {
    bytes += size;
    queuedResponses++;
  }

  /** Gives back a written response and the request it answered. */
  void written(long requestBytes, long responseBytes) {
    bytes -= requestBytes + responseBytes;
    if (--queuedResponses == 0) {
      shedding = false;
    }
  }

  /** Whether no further request should start until some bytes are given back. */
  boolean exhausted() {
    return shedding || bytes >= maxBytes;
  }

  /** Bytes taken and not yet given back. */
  long bytes() {
    return bytes;
  }
}
