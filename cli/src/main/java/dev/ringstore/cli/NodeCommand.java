package dev.ringstore.cli;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.Advertised;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.cluster.ConfigMembership;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.server.StorageNode;
import dev.ringstore.node.storage.Durability;
import dev.ringstore.security.SecurityConfigException;
import dev.ringstore.security.TransportSecurity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore node}: runs one storage node in the foreground until SIGTERM or Ctrl-C, then
 * shuts down cleanly (stops accepting, finishes requests in flight, flushes and closes RocksDB). It
 * has a static member list ({@code --peers}) or follows the config service ({@code --config}): then
 * it asks to join and, in a cluster without a table yet, serves once the first one is committed.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a storage node in the foreground until SIGTERM or Ctrl-C, or until it has left the",
      "cluster (ringstore plan leave + commit) and the grace period has passed.",
      "With --json, the line printed once it serves is {\"node\", \"actor\", \"listen\",",
      "\"http\", \"data\", \"durability\"}, and {\"node\", \"left\": true} when it has left."
    })
final class NodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--id", required = true, description = "This node's id, e.g. n1.")
  String id;

  @Option(
      names = "--listen",
      required = true,
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description = "Where to serve the Ringstore protocol.")
  InetSocketAddress listen;

  @Option(
      names = "--advertise",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description =
          "With --config: the address the other nodes and clients reach this node at, when it"
              + " differs from --listen (a node that binds 0.0.0.0, or sits behind NAT)."
              + " Default: --listen, which must then not be a wildcard address.")
  InetSocketAddress advertise;

  @Mixin ServerTlsOptions tls = new ServerTlsOptions();

  @Option(
      names = "--http",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description =
          "Where to serve /metrics, /health and, with --config, the admin console at /console/"
              + " (docs/console.md). Default: none.")
  InetSocketAddress http;

  @Option(
      names = "--admin-token",
      defaultValue = "${env:RINGSTORE_ADMIN_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "The token the console's actions (plan, commit, resolve, delete) need. Default: the"
              + " RINGSTORE_ADMIN_TOKEN environment variable, else DIR/admin-token, generated on"
              + " first start.")
  String adminToken;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data directory.")
  Path data;

  @Option(
      names = "--durability",
      defaultValue = "fsync",
      paramLabel = "fsync|async",
      converter = DurabilityOption.class,
      description =
          "fsync: acknowledge after the WAL is synced (group commit); async: sync the WAL"
              + " periodically. Default: ${DEFAULT-VALUE}.")
  Durability durability;

  @Option(
      names = "--storage-threads",
      paramLabel = "N",
      description =
          "Threads for blocking storage reads (cache misses, scans, hints). Default: "
              + NodeConfig.STORAGE_THREADS_PER_CORE
              + " per core. Writes go through the storage engine's one group-commit writer.")
  Integer storageThreads;

  @Option(
      names = "--io-threads",
      paramLabel = "N",
      description =
          "Netty event-loop threads for clients, other nodes and the config service. Default: one"
              + " per "
              + NodeConfig.CORES_PER_IO_THREAD
              + " cores, at least one.")
  Integer ioThreads;

  @Mixin MembershipFlags membership = new MembershipFlags();

  @Mixin HintFlags hints = new HintFlags();

  @Mixin AntiEntropyFlags antiEntropy = new AntiEntropyFlags();

  @Mixin TransferFlags transfer = new TransferFlags();

  @Mixin TombstoneFlags tombstones = new TombstoneFlags();

  @Option(
      names = "--json",
      description =
          "Print the serving line (and the leaving one) as JSON; other progress goes to standard"
              + " error.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NodeConfig config =
        NodeConfig.defaults(NodeId.of(id), resolved(listen), data)
            .withHttp(http == null ? null : resolved(http))
            .withDurability(durability);
    ConfigMembership service;
    try {
      service = membership.membership();
      if (service != null && adminToken != null && !adminToken.isBlank()) {
        service = service.withAdminToken(adminToken.trim());
      }
      if (advertise != null) {
        if (service == null) {
          throw new IllegalArgumentException(
              "--advertise goes with --config; with --peers, the peer list says where each node is");
        }
        service = service.withAdvertise(resolved(advertise));
      }
      ClusterSettings cluster = config.cluster().withPeers(membership.peers(NodeId.of(id)));
      config =
          config.withCluster(
              cluster
                  .withHints(hints.apply(cluster.hints()))
                  .withAntiEntropy(antiEntropy.apply(cluster.antiEntropy()))
                  .withTransfer(transfer.apply(cluster.transfer()))
                  .withTombstones(tombstones.apply(cluster.tombstones())));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (service != null && listen.getPort() == 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--config needs a fixed --listen port: the config service tells the others where this"
              + " node listens");
    }
    if (service != null) {
      try {
        Advertised.address(resolved(listen), service.advertise(), "--listen");
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (ioThreads != null) {
      if (ioThreads < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--io-threads must be at least 1, not " + ioThreads);
      }
      config = config.withIoThreads(ioThreads);
    }
    if (storageThreads != null) {
      config = config.withStorageThreads(storageThreads);
    }
    if (service != null) {
      var progress = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
      progress.printf(
          "node %s asking the config service at %s to join%n",
          id, service.service().stream().map(NodeCommand::hostPort).collect(joining(",")));
      progress.flush();
    }
    boolean withConsole = service != null;
    TransportSecurity security;
    try {
      security = tls.security();
    } catch (IllegalArgumentException | SecurityConfigException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!security.enabled()) {
      spec.commandLine().getErr().println("WARNING: " + StorageNode.OPEN_WARNING);
      spec.commandLine().getErr().flush();
    }
    StorageNode node =
        StorageNode.start(config, InstantSource.system(), new SecureRandom(), service, security);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "ringstore-shutdown"));
    var out = spec.commandLine().getOut();
    String mode = durability.name().toLowerCase(java.util.Locale.ROOT);
    if (json) {
      ObjectNode serving = JsonNodeFactory.instance.objectNode();
      serving.put("node", id).put("actor", node.actor().toString());
      serving.put("listen", hostPort(node.address()));
      serving.put("http", node.httpAddress().map(NodeCommand::hostPort).orElse(null));
      serving.put("data", data.toString()).put("durability", mode);
      out.println(serving);
    } else {
      out.printf(
          "node %s (actor %s) serving on %s%s; data %s; durability %s%n",
          id,
          node.actor(),
          hostPort(node.address()),
          node.httpAddress()
              .map(
                  a ->
                      ", http on "
                          + hostPort(a)
                          + (!withConsole ? "" : " (console http://" + hostPort(a) + "/console/)"))
              .orElse(""),
          data,
          mode);
    }
    out.flush();
    node.left()
        .thenRun(
            () -> {
              if (json) {
                out.println(
                    JsonNodeFactory.instance.objectNode().put("node", id).put("left", true));
              } else {
                out.printf(
                    "node %s has handed its buckets away and left the cluster; stopping%n", id);
              }
              out.flush();
              stopped.countDown();
            });
    stopped.await();
    return 0; // on a leave, exiting runs the shutdown hook, which closes the node cleanly
  }

  private static InetSocketAddress resolved(InetSocketAddress address) {
    return new InetSocketAddress(address.getHostString(), address.getPort());
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  /** Parses fsync or async. */
  static final class DurabilityOption implements picocli.CommandLine.ITypeConverter<Durability> {
    @Override
    public Durability convert(String value) {
      return switch (value) {
        case "fsync" -> Durability.FSYNC;
        case "async" -> Durability.ASYNC;
        default ->
            throw new picocli.CommandLine.TypeConversionException(
                "expected fsync or async, not '" + value + "'");
      };
    }
  }
}
