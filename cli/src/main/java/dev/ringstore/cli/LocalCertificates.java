package dev.ringstore.cli;

import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The certificates of {@code ringstore local --tls}, in {@code DIR/certs}: a CA for the local
 * cluster, a node certificate for each node, a config certificate for each config replica, and an
 * admin certificate that the CLI and the console use. What is there is kept, so a restart keeps its
 * CA; what is missing (or expires within a day) is issued.
 */
final class LocalCertificates {
  static final String DIR = "certs";
  private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");
  private static final Duration VALIDITY = Duration.ofDays(365);

  private final Path dir;
  private final CertificateAuthority ca;

  private LocalCertificates(Path dir, CertificateAuthority ca) {
    this.dir = dir;
    this.ca = ca;
  }

  /** The certificate directory of the cluster in {@code data}, with its CA made if needed. */
  static LocalCertificates prepare(Path data) throws IOException {
    Path dir = data.resolve(DIR);
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    if (!Files.exists(dir.resolve(CertificateAuthority.CA_KEY))) {
      CertificateAuthority.create("local", Duration.ofDays(3650), clock, random).writeTo(dir);
    }
    return new LocalCertificates(dir, CertificateAuthority.load(dir, clock, random));
  }

  /** The files of {@code id} in {@code role}, issued now unless usable ones are there. */
  TlsFiles files(String id, Role role) throws IOException {
    TlsFiles files = TlsFiles.inDirectory(dir, id);
    if (!Files.exists(files.certificate()) || !Files.exists(files.key()) || expiresSoon(files)) {
      ca.issue(id, role, HOSTS, VALIDITY).writeTo(dir);
    }
    return files;
  }

  /** The flags that give a node or config replica its files. */
  List<String> serverFlags(String id, Role role) throws IOException {
    TlsFiles files = files(id, role);
    return List.of(
        "--ca",
        files.ca().toString(),
        "--cert",
        files.certificate().toString(),
        "--key",
        files.key().toString());
  }

  Path dir() {
    return dir;
  }

  private static boolean expiresSoon(TlsFiles files) {
    try (var in = Files.newInputStream(files.certificate())) {
      var certificate =
          (java.security.cert.X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
      return certificate
          .getNotAfter()
          .toInstant()
          .isBefore(java.time.Instant.now().plus(Duration.ofDays(1)));
    } catch (IOException | java.security.cert.CertificateException e) {
      return true;
    }
  }
}
