package dev.ringstore.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three PEM files one process needs for TLS: the cluster's CA certificate (whom to trust), and
 * its own certificate and PKCS#8 private key (who it is).
 *
 * <p>{@code ringstore certs} writes them into one directory as {@code ca.crt}, {@code ID.crt} and
 * {@code ID.key}; {@link #inDirectory} finds them there by id.
 */
public record TlsFiles(Path ca, Path certificate, Path key) {

  /** The CA certificate's name in a certificate directory. */
  public static final String CA_CERTIFICATE = "ca.crt";

  /** {@code dir/ca.crt}, {@code dir/ID.crt} and {@code dir/ID.key}. */
  public static TlsFiles inDirectory(Path dir, String id) {
    return new TlsFiles(
        dir.resolve(CA_CERTIFICATE), dir.resolve(id + ".crt"), dir.resolve(id + ".key"));
  }

  /**
   * Fails with one line naming every file that is missing, so a mistyped directory is found before
   * any listener starts.
   */
  public TlsFiles requireReadable() {
    List<String> missing = new ArrayList<>();
    for (Path file : List.of(ca, certificate, key)) {
      if (!Files.isReadable(file)) {
        missing.add(file.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new SecurityConfigException("cannot read TLS file(s): " + String.join(", ", missing));
    }
    return this;
  }
}
