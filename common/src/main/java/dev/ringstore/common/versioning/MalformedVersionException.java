package dev.ringstore.common.versioning;

/**
 * Thrown when bytes that should hold an encoded version, such as a stored {@link
 * DottedVersionVectorSet}, do not: unknown format version, truncation, trailing bytes, a counter
 * below 1, an invalid node id, a sibling whose dot the context does not cover. The message names
 * what is wrong and where.
 */
public class MalformedVersionException extends IllegalArgumentException {
  public MalformedVersionException(String message) {
    super(message);
  }

  public MalformedVersionException(String message, Throwable cause) {
    super(message, cause);
  }
}
