package dev.ringstore.cli;

import dev.ringstore.security.TlsFiles;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --ca}, {@code --cert} and {@code --key}: the cluster's CA certificate and this process's
 * own certificate and key, as {@code ringstore certs} writes them. Shared by the client commands'
 * {@link TlsOptions} and the servers' {@link ServerTlsOptions}.
 */
final class CertificateFlags {
  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "The cluster's CA certificate (PEM): speak TLS, trusting only it.")
  Path ca;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "The certificate (PEM) this process presents, signed by the cluster's CA.")
  Path cert;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The private key (PKCS#8 PEM) of --cert.")
  Path key;

  boolean none() {
    return ca == null && cert == null && key == null;
  }

  /** The three files, when --cert or --key is given; all three then go together. */
  Optional<TlsFiles> files() {
    if (cert == null && key == null) {
      return Optional.empty();
    }
    if (ca == null || cert == null || key == null) {
      throw new IllegalArgumentException("--ca, --cert and --key go together");
    }
    return Optional.of(new TlsFiles(ca, cert, key));
  }
}
