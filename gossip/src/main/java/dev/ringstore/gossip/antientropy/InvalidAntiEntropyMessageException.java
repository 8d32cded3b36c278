package dev.ringstore.gossip.antientropy;

/**
 * Bytes that are not an anti-entropy message, or a message that does not fit the exchange: a
 * truncated frame, a count larger than what follows, indices out of order or beyond the tree. The
 * exchange is aborted; nothing is repaired from it.
 */
public final class InvalidAntiEntropyMessageException extends RuntimeException {
  public InvalidAntiEntropyMessageException(String message) {
    super(message);
  }

  public InvalidAntiEntropyMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
