package dev.ringstore.console.http;

import static dev.ringstore.security.Role.ADMIN;
import static dev.ringstore.security.Role.NODE;

import dev.ringstore.security.Identity;
import dev.ringstore.security.Role;
import dev.ringstore.security.TransportSecurity;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Who may do what on an HTTP port (a node's or the console's own), decided in this one place
 * (docs/security.md, "HTTP: HTTPS and who may read what"), with the same roles as the protocol's
 * {@code RequestRoles}.
 *
 * <p>Without TLS, as before: reading is open to whoever reaches the port; an action needs the admin
 * token. With TLS, only the console's pages are open (they hold no data); the node's own paths
 * ({@code /metrics}, {@code /health}, {@code /api/v1/node*}) need a certificate with role admin or
 * node, the console's API one with role admin; the admin token stands for admin everywhere. 401
 * when the caller presented nothing that counts, 403 when its certificate's role is not enough.
 *
 * <p>An action also comes from a page of this host or from no page at all (403 for another {@code
 * Origin}). A browser never adds an Authorization header by itself, unlike a cookie; a client
 * certificate it does present by itself, which is why the origin check holds for both.
 */
public final class HttpAccess {
  private static final Set<Role> NODE_READERS = EnumSet.of(ADMIN, NODE);
  private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

  private final boolean tls;
  private final byte[] token;

  private HttpAccess(boolean tls, Optional<String> token) {
    this.tls = tls;
    this.token =
        token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  /**
   * @param security whether the port serves TLS, so certificates decide
   * @param token the admin token; without one only certificates authenticate
   */
  public static HttpAccess of(TransportSecurity security, Optional<String> token) {
    return new HttpAccess(security.enabled(), token);
  }

  /** {@code handler}, behind the check every request of the port passes first. */
  public BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> guard(
      BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>>
          handler) {
    return (request, response) -> {
      Optional<ApiException> refusal = tls ? refusal(request) : Optional.empty();
      return refusal.isPresent()
          ? Replies.refuse(response, refusal.get())
          : handler.apply(request, response);
    };
  }

  /** Throws unless {@code request} may act: admin, from this host's origin or none. */
  public void requireAdmin(HttpServerRequest request) {
    String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !sameHost(origin, request.requestHeaders().get(HttpHeaderNames.HOST))) {
      throw new ApiException(
          403, "FORBIDDEN", "actions are only taken from this console's own pages");
    }
    HttpCaller caller = HttpCaller.of(request);
    if (caller.bearer().isEmpty() && !tls) {
      throw new ApiException(
          401, "UNAUTHORIZED", "this action needs the admin token (Authorization: Bearer TOKEN)");
    }
    check(caller, "this action", ADMINS)
        .ifPresent(
            e -> {
              throw e;
            });
  }

  private Optional<ApiException> refusal(HttpServerRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    if (page(request, path)) {
      return Optional.empty();
    }
    boolean consoleApi = path.startsWith("/api/") && !isNodePath(path);
    return check(HttpCaller.of(request), path, consoleApi ? ADMINS : NODE_READERS);
  }

  private Optional<ApiException> check(HttpCaller caller, String what, Set<Role> allowed) {
    if (caller.bearer().map(this::isAdminToken).orElse(false)) {
      return Optional.empty();
    }
    Optional<Identity> identity = tls ? caller.certificate() : Optional.empty();
    if (identity.isPresent() && allowed.contains(identity.get().role())) {
      return Optional.empty();
    }
    if (identity.isPresent()) {
      return Optional.of(
          new ApiException(
              403,
              "FORBIDDEN",
              what
                  + " needs role "
                  + names(allowed)
                  + "; "
                  + identity.get().describe()
                  + " may not"));
    }
    if (caller.bearer().isPresent()) {
      return Optional.of(new ApiException(401, "UNAUTHORIZED", "the admin token is wrong"));
    }
    return Optional.of(
        new ApiException(
            401,
            "UNAUTHORIZED",
            what
                + " needs a client certificate the cluster's CA signed with role "
                + names(allowed)
                + ", or the admin token (Authorization: Bearer TOKEN)"));
  }

  private boolean isAdminToken(String offered) {
    return token != null && MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), token);
  }

  /** The console's pages and scripts: they hold no data, and a browser loads them first. */
  private static boolean page(HttpServerRequest request, String path) {
    return request.method().equals(HttpMethod.GET)
        && !path.contains("..")
        && (path.equals("/") || path.equals("/console") || path.startsWith("/console/"));
  }

  private static boolean isNodePath(String path) {
    return path.equals("/api/v1/node") || path.startsWith("/api/v1/node/");
  }

  private static String names(Set<Role> roles) {
    return roles.stream().map(Role::label).collect(Collectors.joining(" or "));
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
