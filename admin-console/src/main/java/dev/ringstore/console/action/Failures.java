package dev.ringstore.console.action;

import dev.ringstore.config.client.ConfigRejectedException;
import dev.ringstore.console.cluster.Problems;
import dev.ringstore.console.http.ApiException;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;

/** The API's answer when the cluster refuses or does not answer an action. */
final class Failures {
  private Failures() {}

  static ApiException api(Throwable cause) {
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof ConfigRejectedException refused) {
      int status = refused.code() == ErrorCode.BAD_REQUEST ? 400 : 409;
      return new ApiException(status, refused.code().name(), refused.detail());
    }
    if (cause instanceof RingstoreException e) {
      return switch (e.code()) {
        case BAD_REQUEST, TOO_LARGE, TOO_MANY_SIBLINGS ->
            new ApiException(400, e.code().name(), e.detail());
        case CONDITION_FAILED -> new ApiException(409, e.code().name(), e.detail());
        default -> new ApiException(503, e.code().name(), e.detail());
      };
    }
    return new ApiException(500, "INTERNAL", Problems.describe(cause));
  }
}
