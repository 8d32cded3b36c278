package dev.ringstore.config.raft;

import dev.ringstore.config.ReplicaId;
import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A cluster CA made for one test in its temporary directory, issuing config replicas' certificates
 * for the loopback names {@link LocalGroup} dials. The CA dates from a month ago, so that it can
 * also issue certificates that expired long before the test ran.
 */
final class ReplicaCertificates {
  /** The names a replica is reached at in {@link LocalGroup}; gRPC checks them on every dial. */
  private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1");

  private static final Duration CA_AGE = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final CertificateAuthority current;
  private final CertificateAuthority monthAgo;

  private ReplicaCertificates(
      Path dir, CertificateAuthority current, CertificateAuthority monthAgo) {
    this.dir = dir;
    this.current = current;
    this.monthAgo = monthAgo;
  }

  /** A new CA for the cluster {@code cluster}, kept in {@code dir}. */
  static ReplicaCertificates newAuthority(String cluster, Path dir) {
    Clock monthAgo = Clock.fixed(Instant.now().minus(CA_AGE), ZoneOffset.UTC);
    CertificateAuthority ca =
        CertificateAuthority.create(cluster, Duration.ofDays(365), monthAgo, RANDOM);
    try {
      ca.writeTo(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ReplicaCertificates(
        dir, CertificateAuthority.load(dir, Clock.systemUTC(), RANDOM), ca);
  }

  /** Mutual TLS for {@code replica}, with a config certificate valid for a day from now. */
  TransportSecurity replica(ReplicaId replica) {
    return security(current, replica, Duration.ofDays(1));
  }

  /** Mutual TLS for {@code replica} with a certificate that was valid for a day, a month ago. */
  TransportSecurity expired(ReplicaId replica) {
    return security(monthAgo, replica, Duration.ofDays(1));
  }

  /** Files for {@code id} in {@code role}, valid for a day from now. */
  TlsFiles files(String id, Role role) {
    try {
      return current.issue(id, role, LOOPBACK, Duration.ofDays(1)).writeTo(dir.resolve(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This CA's certificate, which every replica it issued for trusts. */
  Path caCertificate() {
    return dir.resolve(TlsFiles.CA_CERTIFICATE);
  }

  private TransportSecurity security(
      CertificateAuthority ca, ReplicaId replica, Duration validity) {
    try {
      TlsFiles files =
          ca.issue(replica.value(), Role.CONFIG, LOOPBACK, validity)
              .writeTo(dir.resolve(replica.value()));
      return TransportSecurity.tls(files, Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
