package dev.ringstore.config.server;

import dev.ringstore.config.ConfigState;
import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.SnapshotPolicy;
import dev.ringstore.config.raft.RatisConsensusGroup;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ProtocolServer;
import dev.ringstore.security.TransportSecurity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One config-service replica as a process runs it ({@code ringstore config-server}): the Raft
 * replica of the {@link ConfigState} on its peer port, and the client port where nodes, clients and
 * the CLI send config commands and queries over the Ringstore protocol.
 */
public final class ConfigServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConfigServer.class);

  private final ConsensusGroup group;
  private final ProtocolServer server;

  private ConfigServer(ConsensusGroup group, ProtocolServer server) {
    this.group = group;
    this.server = server;
  }

  /**
   * Starts the replica {@code self} of the group {@code peers} (Raft addresses, this one included)
   * with its storage in {@code dataDir}, and serves clients on {@code listen}.
   */
  public static ConfigServer start(
      ReplicaId self,
      Map<ReplicaId, InetSocketAddress> peers,
      Path dataDir,
      InetSocketAddress listen,
      RaftTimings timings) {
    return start(self, peers, dataDir, listen, timings, TransportSecurity.open());
  }

  /**
   * As {@link #start(ReplicaId, Map, Path, InetSocketAddress, RaftTimings)}, secured by {@code
   * security} when it is enabled: mutual TLS between replicas on the Raft port, trusting only the
   * cluster's CA (the certificate must have the {@code config} role), and TLS on the client port,
   * where each command is checked against the sender's role (a node reports only for itself; plans
   * and commits need an admin).
   */
  public static ConfigServer start(
      ReplicaId self,
      Map<ReplicaId, InetSocketAddress> peers,
      Path dataDir,
      InetSocketAddress listen,
      RaftTimings timings,
      TransportSecurity security) {
    ConsensusGroup group =
        RatisConsensusGroup.start(
            self, peers, dataDir, new ConfigState(), timings, SnapshotPolicy.DEFAULT, security);
    try {
      ProtocolServer server =
          ProtocolServer.start(
              listen, new ConfigRequestHandler(group), ProtocolLimits.defaults(), security);
      log.info("config replica {} serving clients on {}", self, server.localAddress());
      return new ConfigServer(group, server);
    } catch (RuntimeException e) {
      group.close();
      throw e;
    }
  }

  public InetSocketAddress address() {
    return server.localAddress();
  }

  public ConsensusGroup group() {
    return group;
  }

  @Override
  public void close() {
    server.close();
    group.close();
  }
}
