package dev.ringstore.cli;

import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.IssuedCertificate;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore certs}: the cluster's certificate authority and what it issues. {@code init}
 * makes the CA; {@code issue} a key and certificate for a node, config replica, client or admin;
 * {@code token} a token for a client without a certificate. Everything lives in one directory,
 * whose keys are readable by their owner only; docs/security.md says what to copy where.
 */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = "Create the cluster's CA, and certificates and tokens signed or kept by it.",
    subcommands = {CertsCommand.Init.class, CertsCommand.Issue.class, CertsCommand.Token.class})
final class CertsCommand {

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Create the cluster's CA: DIR/ca.crt (give it to everyone) and DIR/ca.key.")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to keep it.")
    Path dir;

    @Option(
        names = "--cluster",
        defaultValue = "ringstore",
        description =
            "The cluster's name, written into every certificate. Default: ${DEFAULT-VALUE}.")
    String cluster;

    @Option(
        names = "--days",
        defaultValue = "3650",
        description = "How long the CA is valid. Default: ${DEFAULT-VALUE} days.")
    int days;

    @Option(names = "--json", description = "Print what was made as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(dir.resolve(CertificateAuthority.CA_KEY))) {
        throw new IllegalArgumentException(
            dir + " already holds a CA; a new one would orphan every certificate it signed");
      }
      CertificateAuthority.create(
              cluster, Duration.ofDays(days), Clock.systemUTC(), new SecureRandom())
          .writeTo(dir);
      spec.commandLine()
          .getOut()
          .println(
              json
                  ? JsonLine.object(
                      out -> {
                        out.writeStringField("cluster", cluster);
                        out.writeStringField("ca", dir.resolve(TlsFiles.CA_CERTIFICATE).toString());
                      })
                  : "CA for cluster "
                      + cluster
                      + " in "
                      + dir
                      + " (ca.crt, ca.key; keep ca.key secret)");
      return 0;
    }
  }

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Issue a key and certificate: DIR/ID.crt and DIR/ID.key.")
  static final class Issue implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        required = true,
        paramLabel = "DIR",
        description = "The CA's directory.")
    Path dir;

    @Option(names = "--id", required = true, description = "Who it is for: a node id, a user.")
    String id;

    @Option(
        names = "--role",
        required = true,
        description =
            "node, config, admin, client (a writer), writer or reader; docs/security.md says what"
                + " each may do.")
    String role;

    @Option(
        names = "--host",
        split = ",",
        paramLabel = "HOST",
        description =
            "Names and addresses the holder serves on, written as subject alternative names."
                + " Default: localhost,127.0.0.1.")
    List<String> hosts = List.of("localhost", "127.0.0.1");

    @Option(
        names = "--days",
        defaultValue = "365",
        description = "How long it is valid (never beyond the CA). Default: ${DEFAULT-VALUE} days.")
    int days;

    @Option(names = "--json", description = "Print what was made as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Role parsed = Role.parse(role);
      CertificateAuthority ca =
          CertificateAuthority.load(dir, Clock.systemUTC(), new SecureRandom());
      IssuedCertificate issued = ca.issue(id, parsed, hosts, Duration.ofDays(days));
      TlsFiles files = issued.writeTo(dir);
      String until = issued.certificate().getNotAfter().toInstant().toString();
      spec.commandLine()
          .getOut()
          .println(
              json
                  ? JsonLine.object(
                      out -> {
                        out.writeStringField("id", id);
                        out.writeStringField("role", parsed.label());
                        out.writeStringField("certificate", files.certificate().toString());
                        out.writeStringField("key", files.key().toString());
                        out.writeStringField("notAfter", until);
                      })
                  : String.format(
                      "%s certificate for %s: %s and %s (valid until %s)",
                      parsed.label(), id, files.certificate(), files.key(), until));
      return 0;
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description =
          "Make a token for a client without a certificate; its hash goes into DIR/tokens (give"
              + " that file to the nodes' --tokens), the token itself is printed once.")
  static final class Token implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        required = true,
        paramLabel = "DIR",
        description = "The CA's directory.")
    Path dir;

    @Option(names = "--id", required = true, description = "Who it is for.")
    String id;

    @Option(names = "--role", required = true, description = "reader, writer (client) or admin.")
    String role;

    @Option(names = "--json", description = "Print what was made as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Role parsed = Role.parse(role);
      if (parsed == Role.NODE || parsed == Role.CONFIG) {
        throw new IllegalArgumentException(
            "a token is for a client; nodes and config replicas authenticate with certificates");
      }
      Files.createDirectories(dir);
      String token = TokenStore.issue(dir.resolve("tokens"), id, parsed, new SecureRandom());
      spec.commandLine()
          .getOut()
          .println(
              json
                  ? JsonLine.object(
                      out -> {
                        out.writeStringField("id", id);
                        out.writeStringField("role", parsed.label());
                        out.writeStringField("token", token);
                      })
                  : token);
      return 0;
    }
  }
}
