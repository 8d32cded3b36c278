package dev.ringstore.cli;

import dev.ringstore.console.AdminToken;
import dev.ringstore.console.ConsoleServer;
import dev.ringstore.console.ConsoleSettings;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore console}: the admin console on a port of its own, for operators who keep the
 * nodes' HTTP ports closed to their desks. It needs the config service's client port and each
 * node's HTTP port (docs/console.md). Runs until SIGTERM or Ctrl-C.
 */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the admin console on its own port until SIGTERM or Ctrl-C.",
      "It reads the config service (--config) and each node's HTTP port, and acts",
      "through them; every node with --http serves the same console at /console/.",
      "Prints its address with the admin token in the fragment (docs/console.md);",
      "with --json, {\"console\", \"listen\"}. Here --timeout bounds each replica",
      "and node per gathering (every 2 s), default 2s.",
      "With --ca, --cert and --key (a certificate with role admin) it serves HTTPS",
      "only and reaches the config service and the nodes over TLS (docs/security.md)."
    })
final class ConsoleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigServiceOptions service = new ConfigServiceOptions();

  @Option(
      names = "--listen",
      converter = HostPort.class,
      defaultValue = "127.0.0.1:8080",
      paramLabel = "HOST:PORT",
      description = "Where to serve the console. Default: ${DEFAULT-VALUE}.")
  InetSocketAddress listen;

  @Option(
      names = "--admin-token",
      defaultValue = "${env:RINGSTORE_ADMIN_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "The token actions need. Default: RINGSTORE_ADMIN_TOKEN, else a new one, printed.")
  String adminToken;

  @Override
  public Integer call() throws Exception {
    List<InetSocketAddress> replicas;
    try {
      replicas = ConfigServiceDiscovery.require(service.config, service.data);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    TransportSecurity security = security();
    String token =
        adminToken == null || adminToken.isBlank()
            ? AdminToken.generate(new SecureRandom())
            : adminToken.trim();
    ConsoleServer server =
        ConsoleServer.start(
            new InetSocketAddress(listen.getHostString(), listen.getPort()),
            new ConsoleSettings(
                replicas,
                token,
                InstantSource.system(),
                ConsoleSettings.EVERY_DEFAULT,
                service.timeout == null ? ConsoleSettings.TIMEOUT_DEFAULT : service.timeout,
                security));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ringstore-shutdown"));
    var out = spec.commandLine().getOut();
    out.printf(
        "console %s://%s/console/#token=%s%n",
        security.enabled() ? "https" : "http", HostPort.format(server.address()), token);
    out.flush();
    server.awaitClose();
    return 0;
  }

  /**
   * Open, or TLS with a certificate whose role is admin: the console plans, commits and cancels
   * changes, which the config service allows only an admin.
   */
  private TransportSecurity security() {
    TlsOptions tls = service.tls;
    if (tls.token != null && !tls.token.isBlank()) {
      throw new ParameterException(
          spec.commandLine(),
          "--token is for clients; the console needs an admin certificate (--ca, --cert and --key)");
    }
    TransportSecurity security;
    try {
      Optional<TlsFiles> files = tls.files();
      if (files.isEmpty() && tls.certificate.ca != null) {
        throw new IllegalArgumentException("--ca, --cert and --key go together");
      }
      if (files.isEmpty() && service.config == null) {
        files = LocalClusterFile.read(service.data).flatMap(LocalClusterFile::adminTls);
      }
      security =
          files
              .map(f -> TransportSecurity.tls(f, Optional.empty()))
              .orElse(TransportSecurity.open());
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (security.enabled() && security.self().role() != Role.ADMIN) {
      throw new ParameterException(
          spec.commandLine(),
          "the console needs a certificate with role admin; "
              + security.self().describe()
              + " is not (ringstore certs issue --role admin)");
    }
    return security;
  }
}
