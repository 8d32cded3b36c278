package dev.ringstore.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A key and the certificate the CA signed for it, ready to be written out for one process. */
public record IssuedCertificate(
    String id, Role role, X509Certificate certificate, PrivateKey key, X509Certificate ca) {

  /**
   * Writes {@code ID.crt}, {@code ID.key} (0600) and, unless it is there already, {@code ca.crt}
   * into {@code dir}: the directory then holds {@link TlsFiles#inDirectory}'s three files.
   */
  public TlsFiles writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    TlsFiles files = TlsFiles.inDirectory(dir, id);
    PemFiles.writeKey(files.key(), key);
    PemFiles.writeCertificate(files.certificate(), certificate);
    if (!Files.exists(files.ca())) {
      PemFiles.writeCertificate(files.ca(), ca);
    }
    return files;
  }
}
