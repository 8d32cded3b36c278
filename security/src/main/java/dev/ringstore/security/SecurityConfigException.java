package dev.ringstore.security;

/**
 * Security is configured wrongly: a missing or unreadable file, a key that does not match its
 * certificate, a certificate without a role. Thrown at startup, before anything listens.
 */
public final class SecurityConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecurityConfigException(String message) {
    super(message);
  }

  public SecurityConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
