package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringstore console}'s TLS flags: refused before anything listens when they cannot work,
 * each with one line saying why.
 */
@Timeout(60)
class ConsoleCommandTest {
  @TempDir Path dir;

  private CommandRun console(String... tls) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("console", "--config", "127.0.0.1:36901", "--listen", "127.0.0.1:36902"));
    args.addAll(List.of(tls));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private TlsFiles issue(String id, Role role) throws IOException {
    CertificateAuthority ca =
        CertificateAuthority.create(
            "test", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
    ca.writeTo(dir);
    return ca.issue(id, role, List.of("127.0.0.1"), Duration.ofDays(1)).writeTo(dir);
  }

  private static String[] flags(TlsFiles files) {
    return new String[] {
      "--ca",
      files.ca().toString(),
      "--cert",
      files.certificate().toString(),
      "--key",
      files.key().toString()
    };
  }

  @Test
  void aCertificateThatIsNotAnAdminsIsRefused() throws IOException {
    CommandRun run = console(flags(issue("n1", Role.NODE)));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("needs a certificate with role admin", "node 'n1'");
  }

  @Test
  void theThreeFilesGoTogether() {
    CommandRun run = console("--ca", dir.resolve("ca.crt").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--ca, --cert and --key go together");
  }

  @Test
  void tokensAreNotTheConsoles() throws IOException {
    TlsFiles files = issue("ops", Role.ADMIN);
    List<String> args = new java.util.ArrayList<>(List.of(flags(files)));
    args.addAll(List.of("--token", "rst_abc"));
    CommandRun run = console(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--token is for clients");
  }
}
