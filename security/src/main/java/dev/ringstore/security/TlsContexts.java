package dev.ringstore.security;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Netty TLS contexts for every listener and every outgoing connection: TLS 1.3 and 1.2 only,
 * trusting the cluster's CA and nothing else (not the JDK's public roots), and presenting this
 * process's own certificate. OpenSSL (BoringSSL through netty-tcnative) when the platform has it,
 * the JDK's TLS otherwise; both refuse, at the handshake, a certificate another CA signed or one
 * that has expired.
 *
 * <p>Host names are not checked: a peer is who its certificate says, whatever address it was
 * reached at (docs/security.md says why, and what that leaves open).
 */
public final class TlsContexts {
  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private TlsContexts() {}

  /**
   * A listener's context. {@link ClientAuth#REQUIRE}: a peer without a certificate fails the
   * handshake; {@link ClientAuth#OPTIONAL}: it connects and must then authenticate with a token.
   */
  public static SslContext server(TlsFiles files, ClientAuth clientAuth) {
    files.requireReadable();
    try {
      return SslContextBuilder.forServer(files.certificate().toFile(), files.key().toFile())
          .trustManager(files.ca().toFile())
          .clientAuth(clientAuth)
          .sslProvider(provider())
          .protocols(PROTOCOLS)
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw unusable(files, e);
    }
  }

  /** An outgoing connection's context, presenting {@code files}' certificate. */
  public static SslContext client(TlsFiles files) {
    files.requireReadable();
    try {
      return SslContextBuilder.forClient()
          .keyManager(files.certificate().toFile(), files.key().toFile())
          .trustManager(files.ca().toFile())
          .sslProvider(provider())
          .protocols(PROTOCOLS)
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw unusable(files, e);
    }
  }

  /** An outgoing connection's context with no certificate of its own: a token client's. */
  public static SslContext clientWithoutCertificate(Path ca) {
    try {
      return SslContextBuilder.forClient()
          .trustManager(ca.toFile())
          .sslProvider(provider())
          .protocols(PROTOCOLS)
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new SecurityConfigException("cannot use CA certificate " + ca + ": " + reason(e), e);
    }
  }

  /** OpenSSL when netty-tcnative loaded, the JDK otherwise. */
  public static SslProvider provider() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  private static SecurityConfigException unusable(TlsFiles files, Exception e) {
    return new SecurityConfigException(
        "cannot use TLS files "
            + files.certificate()
            + ", "
            + files.key()
            + " and "
            + files.ca()
            + ": "
            + reason(e),
        e);
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && !(root instanceof IOException)) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
