package dev.ringstore.config.client;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;

/** A config command or query the service refuses: the code and the reason it tells the caller. */
public final class ConfigRejectedException extends RingstoreException {
  public ConfigRejectedException(ErrorCode code, String message) {
    super(code, message);
  }

  /** A request that cannot succeed as asked (unknown node, nothing planned, a transfer running). */
  public static ConfigRejectedException badRequest(String message) {
    return new ConfigRejectedException(ErrorCode.BAD_REQUEST, message);
  }
}
