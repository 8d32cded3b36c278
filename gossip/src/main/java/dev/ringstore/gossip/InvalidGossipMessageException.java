package dev.ringstore.gossip;

/**
 * A gossip message from the wire that does not describe valid states: a bad node id, a negative
 * version, a status a member cannot claim. The node answers the request with {@code BAD_REQUEST}.
 */
public final class InvalidGossipMessageException extends RuntimeException {
  public InvalidGossipMessageException(String message, Throwable cause) {
    super(message, cause);
  }

  public InvalidGossipMessageException(String message) {
    super(message);
  }
}
