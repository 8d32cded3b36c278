package dev.ringstore.security;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.util.Optional;

/**
 * How one process secures its connections: off (an open cluster, as before TLS), or TLS with its
 * own certificate, trusting the cluster's CA, and optionally a token file for clients without a
 * certificate. Built once at startup, where a bad file fails with one line; then shared by every
 * listener and every outgoing connection of the process.
 */
public final class TransportSecurity {
  private static final TransportSecurity OPEN = new TransportSecurity(null, null, null, null);

  private final TlsFiles files;
  private final SslContext server;
  private final SslContext client;
  private final TokenStore tokens;

  private TransportSecurity(
      TlsFiles files, SslContext server, SslContext client, TokenStore tokens) {
    this.files = files;
    this.server = server;
    this.client = client;
    this.tokens = tokens;
  }

  /** No TLS and no authentication: every caller may do everything. */
  public static TransportSecurity open() {
    return OPEN;
  }

  /**
   * TLS with {@code files}. Listeners require a client certificate, unless {@code tokens} is given:
   * then a client may instead connect without one and authenticate with a token.
   */
  public static TransportSecurity tls(TlsFiles files, Optional<TokenStore> tokens) {
    files.requireReadable();
    ClientAuth auth = tokens.isPresent() ? ClientAuth.OPTIONAL : ClientAuth.REQUIRE;
    TransportSecurity security =
        new TransportSecurity(
            files, TlsContexts.server(files, auth), TlsContexts.client(files), tokens.orElse(null));
    security.self(); // fails now, not at the first connection, if the certificate names no role
    return security;
  }

  public boolean enabled() {
    return files != null;
  }

  /** The files, for transports that build their own contexts (Ratis's gRPC). */
  public TlsFiles files() {
    return require(files);
  }

  /** A listener's context. */
  public SslContext serverContext() {
    return require(server);
  }

  /** An outgoing connection's context, presenting this process's certificate. */
  public SslContext clientContext() {
    return require(client);
  }

  public Optional<TokenStore> tokens() {
    return Optional.ofNullable(tokens);
  }

  /** Who this process is, from its own certificate; {@link Identity#OPEN} when open. */
  public Identity self() {
    if (!enabled()) {
      return Identity.OPEN;
    }
    try {
      return PeerCertificates.identity(PemFiles.readCertificate(files.certificate()))
          .orElseThrow(
              () ->
                  new SecurityConfigException(
                      files.certificate() + " names no id (CN) and role (OU)"));
    } catch (IOException e) {
      throw new SecurityConfigException(e.getMessage(), e);
    }
  }

  private <T> T require(T value) {
    if (value == null) {
      throw new IllegalStateException("TLS is not configured");
    }
    return value;
  }
}
