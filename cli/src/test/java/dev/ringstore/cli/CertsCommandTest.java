package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.security.Identity;
import dev.ringstore.security.PeerCertificates;
import dev.ringstore.security.Role;
import dev.ringstore.security.TokenStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringstore certs}: a CA, certificates that name an id and a role, and tokens. */
@Timeout(60)
class CertsCommandTest {
  @TempDir Path dir;

  private static X509Certificate read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void initIssueAndTokenMakeWhatTheNodesAndClientsNeed() throws Exception {
    String certs = dir.resolve("certs").toString();
    assertThat(CommandRun.of("certs", "init", "--dir", certs, "--cluster", "prod").exitCode())
        .isZero();

    CommandRun node =
        CommandRun.of(
            "certs",
            "issue",
            "--dir",
            certs,
            "--id",
            "n1",
            "--role",
            "node",
            "--host",
            "n1.example,10.0.0.11");
    assertThat(node.exitCode()).isZero();
    assertThat(node.out()).contains("node certificate for n1");
    X509Certificate n1 = read(dir.resolve("certs/n1.crt"));
    n1.verify(read(dir.resolve("certs/ca.crt")).getPublicKey());
    assertThat(PeerCertificates.identity(n1))
        .contains(new Identity("n1", Role.NODE, Identity.Source.CERTIFICATE));
    assertThat(n1.getSubjectAlternativeNames()).hasSize(2);

    CommandRun app =
        CommandRun.of("certs", "issue", "--dir", certs, "--id", "app", "--role", "client");
    assertThat(app.exitCode()).isZero();
    assertThat(PeerCertificates.identity(read(dir.resolve("certs/app.crt"))).map(Identity::role))
        .contains(Role.WRITER);

    CommandRun token =
        CommandRun.of("certs", "token", "--dir", certs, "--id", "dash", "--role", "reader");
    assertThat(token.exitCode()).isZero();
    String issued = token.out().strip();
    assertThat(TokenStore.load(dir.resolve("certs/tokens")).verify(issued).map(Identity::id))
        .contains("dash");
  }

  @Test
  void mistakesGetOneLine() {
    String certs = dir.resolve("certs").toString();
    CommandRun noCa =
        CommandRun.of("certs", "issue", "--dir", certs, "--id", "n1", "--role", "node");
    assertThat(noCa.exitCode()).isNotZero();
    assertThat(noCa.err()).contains("ringstore certs init");

    CommandRun.of("certs", "init", "--dir", certs);
    CommandRun again = CommandRun.of("certs", "init", "--dir", certs);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a CA");

    CommandRun badRole =
        CommandRun.of("certs", "issue", "--dir", certs, "--id", "n1", "--role", "root");
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err()).contains("unknown role 'root'");

    CommandRun nodeToken =
        CommandRun.of("certs", "token", "--dir", certs, "--id", "n1", "--role", "node");
    assertThat(nodeToken.exitCode()).isEqualTo(2);
    assertThat(nodeToken.err())
        .contains("nodes and config replicas authenticate with certificates");
    for (CommandRun run : new CommandRun[] {noCa, again, badRole, nodeToken}) {
      assertThat(run.err().strip().lines()).hasSize(1);
    }
  }
}
