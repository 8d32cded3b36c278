package dev.ringstore.protocol;

import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A real CA in a temporary directory, and certificates it issues, for TLS tests. */
final class TestCertificates {
  private final Path dir;
  private final CertificateAuthority ca;

  TestCertificates(Path dir, String cluster) {
    this.dir = dir;
    this.ca =
        CertificateAuthority.create(cluster, Duration.ofDays(30), Clock.systemUTC(), random());
    try {
      ca.writeTo(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TlsFiles issue(String id, Role role) {
    return write(ca.issue(id, role, List.of("127.0.0.1"), Duration.ofDays(1)));
  }

  /** A certificate whose validity ended an hour ago, signed by this CA. */
  TlsFiles issueExpired(String id, Role role) {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
    CertificateAuthority signer = CertificateAuthority.load(dir, past, random());
    return write(signer.issue(id, role, List.of("127.0.0.1"), Duration.ofDays(1)));
  }

  Path ca() {
    return dir.resolve(TlsFiles.CA_CERTIFICATE);
  }

  private TlsFiles write(dev.ringstore.security.IssuedCertificate issued) {
    try {
      return issued.writeTo(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SecureRandom random() {
    return new SecureRandom();
  }
}
