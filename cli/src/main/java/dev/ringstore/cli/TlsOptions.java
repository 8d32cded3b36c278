package dev.ringstore.cli;

import dev.ringstore.security.ClientSecurity;
import dev.ringstore.security.TlsFiles;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command connects to a cluster that runs with TLS: the cluster's CA certificate, and either
 * a client certificate and key or a token. Without any of them the command connects in plain TCP,
 * unless the local cluster it talks to runs with TLS: then it uses that cluster's admin
 * certificate, which {@code ringstore local --tls} made.
 */
final class TlsOptions {
  @Mixin CertificateFlags certificate = new CertificateFlags();

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:RINGSTORE_TOKEN}",
      description =
          "Authenticate with a token instead of a certificate (needs --ca). Default: the"
              + " RINGSTORE_TOKEN environment variable.")
  String token;

  /** The certificate files, when --ca, --cert and --key are all given. */
  Optional<TlsFiles> files() {
    return certificate.files();
  }

  /**
   * How to connect: the flags when given, else {@code local}'s certificates (a local cluster with
   * TLS), else plain TCP.
   */
  ClientSecurity client(Optional<TlsFiles> local) {
    Optional<TlsFiles> files = files();
    if (files.isPresent()) {
      return ClientSecurity.certificate(files.get().requireReadable());
    }
    if (token != null && !token.isBlank()) {
      if (certificate.ca == null) {
        throw new IllegalArgumentException("--token needs --ca, the cluster's CA certificate");
      }
      return ClientSecurity.token(certificate.ca, token);
    }
    if (certificate.ca != null) {
      throw new IllegalArgumentException("--ca needs --cert and --key, or --token");
    }
    return local.map(ClientSecurity::certificate).orElse(ClientSecurity.none());
  }
}
