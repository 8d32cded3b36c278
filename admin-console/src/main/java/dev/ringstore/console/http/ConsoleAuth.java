package dev.ringstore.console.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Who may do what, decided in this one place so roles can grow out of it (docs/console.md,
 * "Safety"). Reading is open to whoever reaches the port (bound to 127.0.0.1 by default). An action
 * needs the admin token as {@code Authorization: Bearer TOKEN} (401 without it), and comes from a
 * page of this host or from no page at all (403 for another {@code Origin}). A browser never adds
 * an Authorization header by itself, unlike a cookie, so another site can neither forge an action
 * nor, refused by the origin check, replay one.
 */
public final class ConsoleAuth {
  private final byte[] token;

  public ConsoleAuth(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the admin token is empty");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Throws unless {@code request} may act: the right token, and this host's origin or none. */
  public void requireAdmin(HttpServerRequest request) {
    String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !sameHost(origin, request.requestHeaders().get(HttpHeaderNames.HOST))) {
      throw new ApiException(
          403, "FORBIDDEN", "actions are only taken from this console's own pages");
    }
    String given = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    if (given == null || !given.startsWith("Bearer ")) {
      throw new ApiException(
          401, "UNAUTHORIZED", "this action needs the admin token (Authorization: Bearer TOKEN)");
    }
    byte[] offered = given.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(offered, token)) {
      throw new ApiException(401, "UNAUTHORIZED", "the admin token is wrong");
    }
  }

  private static boolean sameHost(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
