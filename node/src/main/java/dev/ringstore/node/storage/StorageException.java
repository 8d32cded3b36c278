package dev.ringstore.node.storage;

/** The storage engine could not read or write its files; the message says which operation. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
