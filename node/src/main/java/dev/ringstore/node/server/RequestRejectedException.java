package dev.ringstore.node.server;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;

/**
 * A request the node refuses for a reason the client can act on: a key or value over its limit, a
 * write that would leave too many siblings, a malformed context. Carries the wire error code.
 */
public final class RequestRejectedException extends RingstoreException {

  public RequestRejectedException(ErrorCode code, String message) {
    super(code, message);
  }
}
