package dev.ringstore.client;

/** A value could not be encoded for the store, or a stored value could not be decoded. */
public final class ValueCodecException extends RuntimeException {
  public ValueCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
