package dev.ringstore.cli;

import dev.ringstore.node.server.AdminTokenFile;
import dev.ringstore.security.ClientSecurity;
import dev.ringstore.security.JdkTls;
import dev.ringstore.security.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes of one {@code ringstore local} run: the config replicas (none in static mode) and
 * the nodes, started together, watched (a process that exits on its own is reported), and stopped
 * together with SIGTERM — nodes first, so that they never outlive the service they report to.
 */
final class LocalCluster {
  /** How long a process gets to shut down cleanly after SIGTERM before it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /** How the nodes get the cluster's admin token: not on their command lines, which anyone sees. */
  static final String ADMIN_TOKEN_VARIABLE = "RINGSTORE_ADMIN_TOKEN";

  private final Path dir;
  private final PrintWriter out;
  private final List<LocalConfigReplica> replicas = new ArrayList<>();
  private final List<LocalNode> nodes = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final LocalCertificates certs;
  private String adminToken;

  LocalCluster(Path dir, PrintWriter out) {
    this(dir, out, null);
  }

  /** A cluster whose every process runs with TLS from {@code certs} (null: without TLS). */
  LocalCluster(Path dir, PrintWriter out, LocalCertificates certs) {
    this.dir = dir;
    this.out = out;
    this.certs = certs;
  }

  /** Starts config replicas c1..cK in {@code dir}/cK (none for K = 0). */
  void startConfigService(int count, LocalPorts ports) throws IOException {
    String peers =
        Stream.iterate(1, k -> k + 1)
            .limit(count)
            .map(k -> "c" + k + "=" + HostPort.format(ports.configRaft(k)))
            .collect(Collectors.joining(","));
    for (int k = 1; k <= count; k++) {
      List<String> tls = certs == null ? List.of() : certs.serverFlags("c" + k, Role.CONFIG);
      replicas.add(
          LocalConfigReplica.start(
              "c" + k,
              ports.configClient(k),
              ports.configRaft(k),
              dir.resolve("c" + k),
              peers,
              tls));
    }
  }

  /**
   * Starts nodes n1..nK in {@code dir}/nK: following the config service when there is one, else
   * with the same static {@code --peers} list.
   */
  void startNodes(int count, LocalPorts ports, String durability) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("--durability", durability));
    Map<String, String> environment = new HashMap<>();
    if (replicas.isEmpty()) {
      String peers =
          Stream.iterate(1, k -> k + 1)
              .limit(count)
              .map(k -> "n" + k + "=" + HostPort.format(ports.nodeProtocol(k)))
              .collect(Collectors.joining(","));
      arguments.addAll(List.of("--peers", peers));
    } else {
      String service =
          configAddresses().stream().map(HostPort::format).collect(Collectors.joining(","));
      arguments.addAll(List.of("--config", service));
      adminToken = AdminTokenFile.resolve(dir, null, new SecureRandom());
      environment.put(ADMIN_TOKEN_VARIABLE, adminToken);
    }
    for (int k = 1; k <= count; k++) {
      List<String> own = new ArrayList<>(arguments);
      if (certs != null) {
        own.addAll(certs.serverFlags("n" + k, Role.NODE));
      }
      nodes.add(
          LocalNode.start(
              "n" + k,
              ports.nodeProtocol(k),
              ports.nodeHttp(k),
              dir.resolve("n" + k),
              own,
              environment));
    }
  }

  /**
   * The console on the first node, with the cluster's admin token in the fragment (which never
   * reaches a server); null without a config service.
   */
  String consoleUrl() {
    if (adminToken == null || nodes.isEmpty()) {
      return null;
    }
    return (certs == null ? "http://" : "https://")
        + HostPort.format(nodes.get(0).http())
        + "/console/#token="
        + adminToken;
  }

  /** How the launcher itself connects: the admin certificate with TLS, else plain TCP. */
  ClientSecurity adminSecurity() {
    try {
      return certs == null
          ? ClientSecurity.none()
          : ClientSecurity.certificate(certs.files(LocalClusterFile.ADMIN, Role.ADMIN));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot issue the admin certificate", e);
    }
  }

  List<InetSocketAddress> configAddresses() {
    return replicas.stream().map(LocalConfigReplica::listen).toList();
  }

  List<String> nodeIds() {
    return nodes.stream().map(LocalNode::id).toList();
  }

  /** The first config replica that exits or fails to serve within {@code timeout}. */
  Optional<LocalServer> awaitConfigService(Duration timeout) throws InterruptedException {
    return awaitListening(replicas, timeout);
  }

  /** The first node that exits or fails to listen within {@code timeout}. */
  Optional<LocalServer> awaitNodes(Duration timeout) throws InterruptedException {
    return awaitListening(nodes, timeout);
  }

  /**
   * Waits until every node routes by a table holding all of them and believes every member
   * reachable ({@link LocalReadiness}); returns what the first node not ready said, if any.
   */
  Optional<String> awaitNodesReady(Duration timeout) throws InterruptedException {
    try {
      return (certs == null
              ? new LocalReadiness()
              : new LocalReadiness(JdkTls.context(certs.files(LocalClusterFile.ADMIN, Role.ADMIN))))
          .await(nodes, timeout);
    } catch (IOException e) {
      return Optional.of("cannot read the admin certificate: " + e.getMessage());
    }
  }

  /** A process of the cluster that has exited, if any. */
  Optional<LocalServer> exited() {
    return servers().filter(s -> !s.child().process().isAlive()).findFirst();
  }

  private static Optional<LocalServer> awaitListening(
      List<? extends LocalServer> servers, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (LocalServer server : servers) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!server.child().awaitListening(left)) {
        return Optional.of(server);
      }
    }
    return Optional.empty();
  }

  LocalClusterFile describe() {
    return new LocalClusterFile(
        servers().map(LocalServer::describe).toList(),
        certs == null ? null : certs.dir().toString());
  }

  /**
   * Reports every process that exits while the cluster is not stopping, and completes when every
   * node has exited. A short delay lets a Ctrl-C, which reaches them too, set {@code stopping}.
   */
  CompletableFuture<Void> watch() {
    List<CompletableFuture<?>> nodeExits = new ArrayList<>();
    servers()
        .forEach(
            server -> {
              CompletableFuture<?> exit =
                  server
                      .child()
                      .process()
                      .onExit()
                      .thenAcceptAsync(
                          exited -> report(server, exited),
                          CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
              if (server instanceof LocalNode) {
                nodeExits.add(exit);
              }
            });
    return CompletableFuture.allOf(nodeExits.toArray(CompletableFuture[]::new));
  }

  private void report(LocalServer server, Process exited) {
    if (!stopping.get()) {
      out.printf(
          "%s %s (pid %d) exited on its own with code %d; its log: %s%n",
          server.kind(), server.id(), exited.pid(), exited.exitValue(), server.child().log());
    }
  }

  boolean isStopping() {
    return stopping.get();
  }

  /**
   * Stops every node that still runs, then every config replica (SIGTERM, then up to {@link
   * #STOP_GRACE} each), and removes {@code local-cluster.json}. Only the first call does anything.
   */
  void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      stopAll(nodes, "node");
      stopAll(replicas, "config replica");
      LocalClusterFile.delete(dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      out.println("could not remove " + dir.resolve(LocalClusterFile.NAME) + ": " + e);
    }
    out.println("stopped");
  }

  private void stopAll(List<? extends LocalServer> servers, String kind)
      throws InterruptedException {
    List<LocalServer> running =
        servers.stream()
            .filter(s -> s.child().process().isAlive())
            .map(s -> (LocalServer) s)
            .toList();
    if (running.isEmpty()) {
      return;
    }
    out.printf("stopping %d %s%s ...%n", running.size(), kind, running.size() == 1 ? "" : "s");
    running.forEach(s -> s.child().terminate());
    for (LocalServer server : running) {
      server.child().awaitExit(STOP_GRACE);
    }
  }

  private Stream<LocalServer> servers() {
    return Stream.concat(nodes.stream(), replicas.stream());
  }
}
