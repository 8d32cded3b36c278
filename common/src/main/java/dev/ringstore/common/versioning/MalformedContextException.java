package dev.ringstore.common.versioning;

/**
 * Thrown when a {@link CausalContext} handed in by a client cannot be decoded: not base64url, an
 * unknown format version, truncated, trailing bytes, a counter below 1, an invalid node id. A
 * server answers it with {@code BAD_REQUEST} and this message; it is never a reason to write
 * without the context.
 */
public final class MalformedContextException extends MalformedVersionException {
  public MalformedContextException(String message) {
    super(message);
  }

  public MalformedContextException(String message, Throwable cause) {
    super(message, cause);
  }
}
