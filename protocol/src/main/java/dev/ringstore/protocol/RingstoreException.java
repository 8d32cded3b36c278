package dev.ringstore.protocol;

import dev.ringstore.protocol.v1.Error;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import java.util.Objects;

/**
 * A request failed with a typed {@link ErrorCode}: either the peer answered with an {@link Error},
 * or this end gave up (a {@code TIMEOUT}, a lost connection: {@code UNAVAILABLE}, a full
 * connection: {@code OVERLOADED}). A {@link RequestHandler} may also fail its future with one to
 * choose the code the client sees.
 */
public class RingstoreException extends RuntimeException {
  private final ErrorCode code;
  private final String detail;

  public RingstoreException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public RingstoreException(ErrorCode code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.detail = String.valueOf(message);
  }

  /** The error code. */
  public ErrorCode code() {
    return code;
  }

  /** The message without the code, as it travels in an {@link Error}. */
  public String detail() {
    return detail;
  }

  /**
   * The exception for an error carried in a response. A code this build does not know (from a newer
   * peer) or an unset one becomes {@code INTERNAL}.
   */
  public static RingstoreException fromError(Error error) {
    ErrorCode code = error.getCode();
    if (code == ErrorCode.UNRECOGNIZED || code == ErrorCode.ERROR_CODE_UNSPECIFIED) {
      return new RingstoreException(
          ErrorCode.INTERNAL, "error code " + error.getCodeValue() + ": " + error.getMessage());
    }
    return new RingstoreException(code, error.getMessage());
  }

  /**
   * Returns {@code response} if it carries a result, or throws the exception for its error. For use
   * as {@code connection.send(request, timeout).thenApply(RingstoreException::requireOk)}.
   */
  public static Response requireOk(Response response) {
    if (response.hasError()) {
      throw fromError(response.getError());
    }
    return response;
  }

  /** A response carrying this error, e.g. for a handler that caught one. */
  public Response toResponse() {
    return errorResponse(code, detail);
  }

  /** A response carrying an error with this code and message. */
  public static Response errorResponse(ErrorCode code, String message) {
    return Response.newBuilder()
        .setError(Error.newBuilder().setCode(code).setMessage(message))
        .build();
  }
}
