package dev.ringstore.cli;

import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TokenStore;
import dev.ringstore.security.TransportSecurity;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a node or config replica secures its listeners and its own connections: the cluster's CA, its
 * certificate and key ({@code ringstore certs issue}), and optionally a token file for clients
 * without a certificate. Without them everything is open, as before TLS existed.
 */
final class ServerTlsOptions {
  @Mixin CertificateFlags certificate = new CertificateFlags();

  @Option(
      names = "--tokens",
      paramLabel = "FILE",
      description =
          "Also accept clients without a certificate that send a token from FILE (lines `ID ROLE"
              + " SHA256`, written by `ringstore certs token`). Needs TLS.")
  Path tokens;

  /** Open when none of the flags is given; TLS when --ca, --cert and --key are. */
  TransportSecurity security() {
    Optional<TlsFiles> files = certificate.files();
    if (files.isEmpty()) {
      if (!certificate.none()) {
        throw new IllegalArgumentException("--ca, --cert and --key go together");
      }
      if (tokens != null) {
        throw new IllegalArgumentException("--tokens needs TLS: give --ca, --cert and --key");
      }
      return TransportSecurity.open();
    }
    return TransportSecurity.tls(files.get(), Optional.ofNullable(tokens).map(TokenStore::load));
  }
}
