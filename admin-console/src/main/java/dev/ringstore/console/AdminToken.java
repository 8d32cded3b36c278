package dev.ringstore.console;

import java.util.Base64;
import java.util.random.RandomGenerator;

/** Admin tokens: 32 random bytes, base64url without padding (43 characters, URL-safe). */
public final class AdminToken {
  private AdminToken() {}

  /** A new token from {@code random}, which should be a {@link java.security.SecureRandom}. */
  public static String generate(RandomGenerator random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
