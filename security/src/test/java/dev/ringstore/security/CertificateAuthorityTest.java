package dev.ringstore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();

  @Test
  void aCertificateItIssuesNamesItsIdAndRoleAndIsSignedByIt(@TempDir Path dir) throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.create("prod", Duration.ofDays(3650), clock, random);
    ca.writeTo(dir);
    CertificateAuthority loaded = CertificateAuthority.load(dir, clock, random);

    IssuedCertificate n1 =
        loaded.issue("n1", Role.NODE, List.of("127.0.0.1", "n1.example"), Duration.ofDays(365));
    TlsFiles files = n1.writeTo(dir);

    n1.certificate().verify(ca.certificate().getPublicKey());
    assertThat(PeerCertificates.identity(n1.certificate()))
        .contains(new Identity("n1", Role.NODE, Identity.Source.CERTIFICATE));
    assertThat(n1.certificate().getSubjectAlternativeNames()).hasSize(2);
    assertThat(Files.getPosixFilePermissions(files.key()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve(CertificateAuthority.CA_KEY)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    TransportSecurity security = TransportSecurity.tls(files, Optional.empty());
    assertThat(security.self().id()).isEqualTo("n1");
    assertThat(security.serverContext().isServer()).isTrue();
    assertThat(security.clientContext().isClient()).isTrue();
  }

  @Test
  void aCertificateNeverOutlivesItsCa(@TempDir Path dir) {
    CertificateAuthority ca = CertificateAuthority.create("c", Duration.ofDays(30), clock, random);
    IssuedCertificate leaf = ca.issue("alice", Role.READER, List.of(), Duration.ofDays(365));
    assertThat(leaf.certificate().getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
  }

  @Test
  void missingFilesAreNamedInOneLine(@TempDir Path dir) {
    assertThatThrownBy(
            () -> TransportSecurity.tls(TlsFiles.inDirectory(dir, "n9"), Optional.empty()))
        .isInstanceOf(SecurityConfigException.class)
        .hasMessageContaining("ca.crt")
        .hasMessageContaining("n9.key");
    assertThatThrownBy(() -> CertificateAuthority.load(dir, clock, random))
        .isInstanceOf(SecurityConfigException.class)
        .hasMessageContaining("ringstore certs init");
  }

  @Test
  void anIdWithSpacesOrCommasIsRefused() {
    CertificateAuthority ca = CertificateAuthority.create("c", Duration.ofDays(30), clock, random);
    assertThatThrownBy(() -> ca.issue("n1,OU=admin", Role.NODE, List.of(), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensAreKeptAsHashesAndOnlyTheIssuedOneIsAccepted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    String alice = TokenStore.issue(file, "alice", Role.READER, random);
    String bob = TokenStore.issue(file, "bob", Role.WRITER, random);

    assertThat(Files.readString(file)).doesNotContain(alice).doesNotContain(bob);
    TokenStore tokens = TokenStore.load(file);
    assertThat(tokens.verify(alice))
        .contains(new Identity("alice", Role.READER, Identity.Source.TOKEN));
    assertThat(tokens.verify(bob).map(Identity::role)).contains(Role.WRITER);
    assertThat(tokens.verify(alice + "x")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }

  @Test
  void aMalformedTokenLineIsReportedWithItsNumber(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# comment\nalice reader 00ff\nbob superuser 00ff\n");
    assertThatThrownBy(() -> TokenStore.load(file))
        .isInstanceOf(SecurityConfigException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("superuser");
  }

  @Test
  void aCaFileWithTheOldAndTheNewCaTrustsCertificatesFromBoth(@TempDir Path dir) throws Exception {
    CertificateAuthority old =
        CertificateAuthority.create("old", Duration.ofDays(30), clock, random);
    CertificateAuthority next =
        CertificateAuthority.create("next", Duration.ofDays(30), clock, random);
    CertificateAuthority other =
        CertificateAuthority.create("other", Duration.ofDays(30), clock, random);
    old.writeTo(dir.resolve("old"));
    next.writeTo(dir.resolve("next"));
    Path bundle = dir.resolve("bundle.crt");
    Files.writeString(
        bundle,
        Files.readString(dir.resolve("old").resolve(TlsFiles.CA_CERTIFICATE))
            + Files.readString(dir.resolve("next").resolve(TlsFiles.CA_CERTIFICATE)));

    X509ExtendedTrustManager trust = JdkTls.trustManager(bundle);

    for (CertificateAuthority ca : List.of(old, next)) {
      X509Certificate leaf = ca.issue("n1", Role.NODE, List.of(), Duration.ofDays(1)).certificate();
      trust.checkClientTrusted(new X509Certificate[] {leaf}, "EC");
    }
    X509Certificate stranger =
        other.issue("n1", Role.NODE, List.of(), Duration.ofDays(1)).certificate();
    assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {stranger}, "EC"))
        .isInstanceOf(CertificateException.class);
  }
}
