package dev.ringstore.node.server;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.RemoteConfigChannel;
import dev.ringstore.console.Console;
import dev.ringstore.console.ConsoleSettings;
import dev.ringstore.node.cluster.Advertised;
import dev.ringstore.node.cluster.ConfigBootstrap;
import dev.ringstore.node.cluster.ConfigLink;
import dev.ringstore.node.cluster.ConfigMembership;
import dev.ringstore.node.cluster.PeerGossipTransport;
import dev.ringstore.node.cluster.SocketTransport;
import dev.ringstore.node.report.NodeReport;
import dev.ringstore.node.report.NodeReportRoutes;
import dev.ringstore.node.storage.RocksDbStorageEngine;
import dev.ringstore.node.storage.StorageConfig;
import dev.ringstore.node.storage.StorageMetrics;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ProtocolServer;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.security.ClientSecurity;
import dev.ringstore.security.TransportSecurity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running storage node: RocksDB storage, the protocol server in front of it, and the HTTP port
 * for metrics and health. {@link #close} shuts down in order: stop accepting and finish requests in
 * flight, drain the storage threads and wait for the background threads, close the connections to
 * peers and the config service, stop the event loops, flush and close RocksDB, stop HTTP.
 */
public final class StorageNode implements AutoCloseable {
  private static final Duration CONFIG_POLL = Duration.ofMillis(500);
  private static final Duration CONFIG_CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(StorageNode.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final NodeConfig config;
  private final PrometheusMeterRegistry registry;
  private final RocksDbStorageEngine storage;
  private final ClusterNode node;
  private final ProtocolServer server;
  private final AdminHttpServer http;
  private final Console console;
  private final NodeEventLoops loops;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StorageNode(
      NodeConfig config,
      PrometheusMeterRegistry registry,
      RocksDbStorageEngine storage,
      ClusterNode node,
      ProtocolServer server,
      AdminHttpServer http,
      Console console,
      NodeEventLoops loops) {
    this.loops = loops;
    this.console = console;
    this.config = config;
    this.registry = registry;
    this.storage = storage;
    this.node = node;
    this.server = server;
    this.http = http;
  }

  /** Starts a node with the system clock and a secure random source for its incarnation. */
  /** What a node without TLS warns at startup: anyone who reaches it can do anything. */
  public static final String OPEN_WARNING = NodeSecurity.OPEN_WARNING;

  public static StorageNode start(NodeConfig config) {
    return start(config, InstantSource.system(), new SecureRandom());
  }

  public static StorageNode start(NodeConfig config, InstantSource clock, RandomGenerator random) {
    return start(config, clock, random, null);
  }

  /**
   * Starts a node that follows the config service of {@code membership} (null: the static peers of
   * the config). It asks to join and waits, before it serves, for a table to route by (the
   * service's, or the one cached in its data directory while the service is unreachable).
   */
  public static StorageNode start(
      NodeConfig config, InstantSource clock, RandomGenerator random, ConfigMembership membership) {
    return start(config, clock, random, membership, TransportSecurity.open());
  }

  /**
   * {@link #start(NodeConfig, InstantSource, RandomGenerator, ConfigMembership)} with every
   * listener and every connection the node opens secured by {@code security}. With TLS on, the
   * node's certificate must name this node's id and the role node.
   */
  public static StorageNode start(
      NodeConfig config,
      InstantSource clock,
      RandomGenerator random,
      ConfigMembership membership,
      TransportSecurity security) {
    return start(config, clock, random, membership, security, ProtocolLimits.defaults());
  }

  /**
   * An open node with {@code listenerLimits} on the protocol listener (connections, idle time,
   * bytes in flight) instead of the defaults; for tests until the limits are configurable.
   */
  static StorageNode start(
      NodeConfig config,
      InstantSource clock,
      RandomGenerator random,
      ConfigMembership membership,
      ProtocolLimits listenerLimits) {
    return start(config, clock, random, membership, TransportSecurity.open(), listenerLimits);
  }

  private static StorageNode start(
      NodeConfig config,
      InstantSource clock,
      RandomGenerator random,
      ConfigMembership membership,
      TransportSecurity security,
      ProtocolLimits listenerLimits) {
    NodeSecurity.check(config.id(), security);
    ClientSecurity outgoing = ClientSecurity.of(security);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(Tags.of("node", config.id().value()));
    RocksDbStorageEngine storage =
        RocksDbStorageEngine.open(
            StorageConfig.defaults(config.dataDir()).withDurability(config.durability()),
            config.id(),
            random);
    ClusterNode node = null;
    ProtocolServer server = null;
    ConfigClient configClient = null;
    Console console = null;
    ConfigLink link = null;
    NodeEventLoops loops = new NodeEventLoops(config.id().value(), config.effectiveIoThreads());
    try {
      new StorageMetrics(storage, Tags.empty()).bindTo(registry);
      configClient = membership == null ? null : configClient(membership, clock, loops, outgoing);
      link =
          configClient == null
              ? null
              : ConfigBootstrap.start(
                  configClient, record(config, membership), storage, CONFIG_POLL);
      node =
          ClusterNode.start(
              config,
              storage,
              cluster ->
                  new SocketTransport(
                      cluster,
                      ProtocolClient.create(ProtocolLimits.defaults(), loops.group(), outgoing)),
              clock,
              random,
              registry,
              link);
      server =
          ProtocolServer.start(
              config.listen(),
              node.handler(),
              listenerLimits,
              security,
              loops.group(),
              loops.group());
      ProtocolServer listener = server;
      Gauge.builder("ringstore.protocol.connections", listener::connectionCount)
          .description("protocol connections open on the node's listener")
          .register(registry);
      FunctionCounter.builder(
              "ringstore.protocol.connections.rejected",
              listener,
              ProtocolServer::rejectedConnections)
          .description("connections closed on accept because the listener was full")
          .register(registry);
      ClusterNode cluster = node;
      String adminToken =
          membership == null || config.http() == null
              ? null
              : AdminTokenFile.resolve(config.dataDir(), membership.adminToken(), random);
      console =
          adminToken == null
              ? null
              : Console.start(
                  ConsoleSettings.of(membership.service(), adminToken).withSecurity(security));
      AtomicReference<AdminHttpServer> bound = new AtomicReference<>();
      NodeReport report =
          node.report(
              PeerGossipTransport.hostPort(server.localAddress()),
              () ->
                  Optional.ofNullable(bound.get())
                      .map(admin -> PeerGossipTransport.hostPort(admin.address()))
                      .orElse(null));
      AdminHttpServer http =
          config.http() == null
              ? null
              : AdminHttpServer.start(
                  config.http(),
                  registry,
                  () -> health(config, storage, cluster),
                  console == null
                      ? List.of(new NodeReportRoutes(report))
                      : List.of(new NodeReportRoutes(report), console.routes()),
                  security,
                  Optional.ofNullable(adminToken));
      bound.set(http);
      log.info(
          "node {} started as {} in a cluster of {}",
          config.id(),
          storage.identity().actor(),
          node.cluster().table().members().size());
      return new StorageNode(config, registry, storage, node, server, http, console, loops);
    } catch (RuntimeException e) {
      if (console != null) {
        console.close();
      }
      if (server != null) {
        server.close();
      }
      if (node != null) {
        node.close();
      }
      if (link != null) {
        link.joining().cancel(false);
      }
      if (configClient != null) {
        configClient.close();
      }
      storage.close();
      loops.close();
      throw e;
    }
  }

  private static ConfigClient configClient(
      ConfigMembership membership,
      InstantSource clock,
      NodeEventLoops loops,
      ClientSecurity outgoing) {
    return new ConfigClient(
        new RemoteConfigChannel(
            ProtocolClient.create(ProtocolLimits.defaults(), loops.group(), outgoing),
            true,
            membership.service(),
            CONFIG_CALL_TIMEOUT),
        clock);
  }

  /** What the node tells the config service about itself when it asks to join. */
  private static NodeRecord record(NodeConfig config, ConfigMembership membership) {
    if (config.listen().getPort() == 0) {
      throw new IllegalArgumentException(
          "a node joining a config service needs a fixed --listen port");
    }
    InetSocketAddress advertise = membership.advertise();
    NodeRecord.Builder record =
        NodeRecord.newBuilder()
            .setId(config.id().value())
            .setAddress(
                Advertised.hostPort(Advertised.address(config.listen(), advertise, "--listen")));
    if (config.http() != null) {
      record.setHttp(Advertised.hostPort(Advertised.sameHost(config.http(), advertise)));
    }
    if (membership.zone() != null) {
      record.setZone(membership.zone());
    }
    return record.build();
  }

  /**
   * What /health reports: besides who the node is, the table it routes by (version, member count)
   * and the members it believes unreachable, so that a launcher or a load balancer can wait until
   * the node can reach a quorum rather than only until its port is open.
   */
  private static Map<String, Object> health(
      NodeConfig config, RocksDbStorageEngine storage, ClusterNode node) {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("status", "up");
    health.put("node", config.id().value());
    health.put("actor", storage.identity().actor().toString());
    health.put("durability", config.durability().name().toLowerCase(java.util.Locale.ROOT));
    BucketTable table = node.cluster().table();
    health.put("tableVersion", table.version());
    health.put("members", table.members().size());
    health.put(
        "unreachable",
        table.members().stream()
            .map(Member::id)
            .filter(id -> !node.liveness().isLive(id))
            .map(NodeId::value)
            .toList());
    return health;
  }

  /** The actor this node versions its writes with (node id + data-dir incarnation). */
  public ActorId actor() {
    return storage.identity().actor();
  }

  /** The node's storage engine, for tests in this package that need to hold up its writer. */
  RocksDbStorageEngine storage() {
    return storage;
  }

  /** Protocol connections open on the listener right now; for tests. */
  int openConnections() {
    return server.connectionCount();
  }

  /** Connections the listener closed on accept because it was full; for tests. */
  long rejectedConnections() {
    return server.rejectedConnections();
  }

  /** Where the protocol is served (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.localAddress();
  }

  public Optional<InetSocketAddress> httpAddress() {
    return Optional.ofNullable(http).map(AdminHttpServer::address);
  }

  /** Completes once this node has left the cluster and the grace period has passed. */
  public CompletableFuture<Void> left() {
    return node.left();
  }

  public NodeConfig config() {
    return config;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log.info("node {} shutting down", config.id());
    try {
      server.shutdownGracefully(DRAIN_TIMEOUT).join();
    } catch (RuntimeException e) {
      log.warn("protocol server did not drain cleanly", e);
    }
    // Background work stopped and waited for, connections closed and their close listeners run:
    // only then the event loops, so nothing is left to notify on a stopped loop; storage last, as
    // a late callback on a loop could still touch it.
    node.close();
    loops.close();
    storage.close();
    if (http != null) {
      http.close();
    }
    if (console != null) {
      console.close();
    }
    registry.close();
    log.info("node {} stopped", config.id());
  }
}
