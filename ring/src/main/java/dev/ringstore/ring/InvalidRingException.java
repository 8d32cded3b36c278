package dev.ringstore.ring;

/**
 * Thrown for ring settings, memberships or changes that cannot make a valid bucket table: a
 * replication factor below 1, a bucket count that is not a power of two, removing a node that is
 * not a member, more zones than nodes, a malformed encoded table. The message is meant for the
 * operator and names what is wrong.
 */
public final class InvalidRingException extends IllegalArgumentException {
  public InvalidRingException(String message) {
    super(message);
  }

  public InvalidRingException(String message, Throwable cause) {
    super(message, cause);
  }
}
