package dev.ringstore.console.http;

/**
 * A request the API refuses or cannot serve: the HTTP status and a typed code the pages and scripts
 * can act on, with a message for people. Answered as {@code {"error", "message"}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BAD_REQUEST", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
