package dev.ringstore.security;

import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one process connects to a cluster's listeners: in plain TCP (an open cluster), or in TLS
 * trusting the cluster's CA and presenting either a certificate or, after the handshake, a token.
 */
public final class ClientSecurity {
  private static final ClientSecurity NONE = new ClientSecurity(null, null);

  private final SslContext context;
  private final String token;

  private ClientSecurity(SslContext context, String token) {
    this.context = context;
    this.token = token;
  }

  /** Plain TCP, for an open cluster. */
  public static ClientSecurity none() {
    return NONE;
  }

  /** TLS, presenting the certificate in {@code files}. */
  public static ClientSecurity certificate(TlsFiles files) {
    return new ClientSecurity(TlsContexts.client(files), null);
  }

  /** TLS without a certificate, then {@code token} on every new connection. */
  public static ClientSecurity token(Path ca, String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new SecurityConfigException("the token is empty");
    }
    return new ClientSecurity(TlsContexts.clientWithoutCertificate(ca), token);
  }

  /** What a member of the cluster connects with: its own certificate, or nothing when open. */
  public static ClientSecurity of(TransportSecurity security) {
    return security.enabled() ? new ClientSecurity(security.clientContext(), null) : NONE;
  }

  public boolean enabled() {
    return context != null;
  }

  /** The TLS context; only when {@link #enabled()}. */
  public SslContext context() {
    if (context == null) {
      throw new IllegalStateException("TLS is not configured");
    }
    return context;
  }

  /** The token to send first on each connection, if this client authenticates by token. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }
}
