package dev.ringstore.node.server;

import dev.ringstore.protocol.v1.ErrorCode;

/**
 * A request the node refuses for a reason the client can act on: a key or value over its limit, a
 * write that would leave too many siblings, a malformed context. Carries the wire error code.
 */
public final class RequestRejectedException extends RuntimeException {
  private final ErrorCode code;

  public RequestRejectedException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
