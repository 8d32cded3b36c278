package dev.ringstore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.server.ConfigServer;
import dev.ringstore.security.SecurityConfigException;
import dev.ringstore.security.TransportSecurity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore config-server}: runs one replica of the Raft-replicated config service in the
 * foreground until SIGTERM or Ctrl-C, which close it cleanly (client port first, then the Raft
 * server). It holds the members, the bucket table versions and the transfers; nodes, clients and
 * the CLI talk to its client port (docs/config-service.md).
 */
@Command(
    name = "config-server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a config-service replica in the foreground until SIGTERM or Ctrl-C.",
      "Give every replica the same --peers (1, 3 or 5 Raft addresses) and its own --id.",
      "Nodes (ringstore node --config) and client commands (--config) use the client",
      "ports (--listen). With --json, the line printed once it serves is {\"replica\",",
      "\"listen\", \"raft\", \"group\": [...], \"data\"}."
    })
final class ConfigServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--id", required = true, description = "This replica's id, e.g. c1.")
  String id;

  @Option(
      names = "--peers",
      required = true,
      paramLabel = "ID=HOST:PORT,...",
      description =
          "Every replica of the group with its Raft address, this one included: 1, 3 or 5.")
  String peerList;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "This replica's directory: the Raft log, its vote and the snapshots.")
  Path data;

  @Option(
      names = "--listen",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description =
          "The client port for nodes, clients and the CLI. Default: this replica's Raft host,"
              + " Raft port + 1.")
  InetSocketAddress listen;

  @Option(names = "--json", description = "Print the serving line as JSON.")
  boolean json;

  @Mixin ServerTlsOptions tls = new ServerTlsOptions();

  @Override
  public Integer call() throws Exception {
    ReplicaId self = replicaId();
    Map<ReplicaId, InetSocketAddress> peers = peers(self);
    InetSocketAddress clients = clientAddress(self, peers);
    TransportSecurity security;
    try {
      security = tls.security();
    } catch (IllegalArgumentException | SecurityConfigException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ConfigServer server =
        ConfigServer.start(self, peers, data, clients, RaftTimings.DEFAULT, security);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "ringstore-shutdown"));
    var out = spec.commandLine().getOut();
    List<String> group = peers.keySet().stream().map(ReplicaId::value).toList();
    if (json) {
      ObjectNode serving = new ObjectMapper().createObjectNode();
      serving.put("replica", self.value());
      serving.put("listen", HostPort.format(server.address()));
      serving.put("raft", HostPort.format(peers.get(self)));
      group.forEach(serving.putArray("group")::add);
      serving.put("data", data.toString());
      out.println(serving);
    } else {
      out.printf(
          "config replica %s serving clients on %s, raft on %s, group %s; data %s%n",
          self,
          HostPort.format(server.address()),
          HostPort.format(peers.get(self)),
          String.join(",", group),
          data);
    }
    out.flush();
    stopped.await();
    return 0;
  }

  private ReplicaId replicaId() {
    try {
      return ReplicaId.of(id);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--id: " + e.getMessage());
    }
  }

  private Map<ReplicaId, InetSocketAddress> peers(ReplicaId self) {
    Map<ReplicaId, InetSocketAddress> peers;
    try {
      peers = new ReplicaPeerList().convert(peerList);
    } catch (picocli.CommandLine.TypeConversionException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--peers': " + e.getMessage());
    }
    if (peers.size() != 1 && peers.size() != 3 && peers.size() != 5) {
      throw new ParameterException(
          spec.commandLine(),
          "--peers must list 1, 3 or 5 replicas (a majority must survive a failure), not "
              + peers.size());
    }
    if (!peers.containsKey(self)) {
      throw new ParameterException(
          spec.commandLine(), "--peers must list this replica (" + self + ") too");
    }
    return peers;
  }

  /** --listen, or the Raft address with the next port, which must not be another's Raft port. */
  private InetSocketAddress clientAddress(ReplicaId self, Map<ReplicaId, InetSocketAddress> peers) {
    if (listen != null) {
      return new InetSocketAddress(listen.getHostString(), listen.getPort());
    }
    InetSocketAddress raft = peers.get(self);
    if (raft.getPort() == 65_535) {
      throw new ParameterException(
          spec.commandLine(), "the Raft port is 65535, so there is no next port: give --listen");
    }
    InetSocketAddress next = new InetSocketAddress(raft.getHostString(), raft.getPort() + 1);
    for (Map.Entry<ReplicaId, InetSocketAddress> peer : peers.entrySet()) {
      if (peer.getValue().equals(next)) {
        throw new ParameterException(
            spec.commandLine(),
            "the default client port "
                + HostPort.format(next)
                + " is "
                + peer.getKey()
                + "'s Raft address: give --listen");
      }
    }
    return next;
  }
}
