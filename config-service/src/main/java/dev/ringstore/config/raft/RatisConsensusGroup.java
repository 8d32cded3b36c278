package dev.ringstore.config.raft;

import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.GroupStatus;
import dev.ringstore.config.LeaderChange;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.ReplicaRole;
import dev.ringstore.config.ReplicatedState;
import dev.ringstore.config.SnapshotPolicy;
import dev.ringstore.security.TransportSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConsensusGroup} replica on Apache Ratis, talking to its peers over Ratis's gRPC
 * transport (with mutual TLS when the process has it): this replica's Raft server, plus a Ratis
 * client that routes this replica's commands and queries to the leader. The only class outside this
 * package that names Ratis.
 *
 * <p>Storage: {@code dataDir} holds Ratis's directory for the group (its log, term and vote, and
 * the state machine's snapshots). A first start formats it; a later start on the same directory
 * recovers: it restores the latest snapshot and re-applies the log after it.
 */
public final class RatisConsensusGroup implements ConsensusGroup {
  private static final Logger LOG = LoggerFactory.getLogger(RatisConsensusGroup.class);

  private final ReplicaId self;
  private final GroupLayout layout;
  private final RaftServer server;
  private final ReplicatedStateMachine stateMachine;
  private final GroupClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RatisConsensusGroup(
      ReplicaId self,
      GroupLayout layout,
      RaftServer server,
      ReplicatedStateMachine stateMachine,
      GroupClient client) {
    this.self = self;
    this.layout = layout;
    this.server = server;
    this.stateMachine = stateMachine;
    this.client = client;
  }

  /** Starts a replica with the default timings and snapshot policy. */
  public static ConsensusGroup start(
      ReplicaId self,
      Map<ReplicaId, InetSocketAddress> peers,
      Path dataDir,
      ReplicatedState state) {
    return start(self, peers, dataDir, state, RaftTimings.DEFAULT, SnapshotPolicy.DEFAULT);
  }

  /**
   * Starts this process's replica of the group and returns once its server listens; the group
   * elects a leader once a majority of replicas runs.
   *
   * @param self this replica
   * @param peers every replica of the group, this one included, with the address it listens on
   * @param dataDir this replica's storage directory, created if absent
   * @param state the initial (empty) state; on a restart it is restored from the directory
   * @throws IllegalArgumentException unless there are 1, 3 or 5 replicas including {@code self}
   * @throws UncheckedIOException when the storage cannot be opened or the port cannot be bound
   */
  public static ConsensusGroup start(
      ReplicaId self,
      Map<ReplicaId, InetSocketAddress> peers,
      Path dataDir,
      ReplicatedState state,
      RaftTimings timings,
      SnapshotPolicy snapshots) {
    return start(self, peers, dataDir, state, timings, snapshots, TransportSecurity.open());
  }

  /**
   * Starts a replica whose Raft traffic, to its peers and from its own client, is secured by {@code
   * security}: open (plain gRPC), or mutual TLS trusting only the cluster's CA (see {@link
   * RaftTls}).
   *
   * @throws dev.ringstore.security.SecurityConfigException when the certificate is not a config
   *     replica's
   */
  public static ConsensusGroup start(
      ReplicaId self,
      Map<ReplicaId, InetSocketAddress> peers,
      Path dataDir,
      ReplicatedState state,
      RaftTimings timings,
      SnapshotPolicy snapshots,
      TransportSecurity security) {
    return start(self, peers, dataDir, state, timings, snapshots, security, properties -> {});
  }

  /** Starts a replica, with Ratis settings beyond Ringstore's changed by {@code tuning} (tests). */
  static ConsensusGroup start(
      ReplicaId self,
      Map<ReplicaId, InetSocketAddress> peers,
      Path dataDir,
      ReplicatedState state,
      RaftTimings timings,
      SnapshotPolicy snapshots,
      TransportSecurity security,
      Consumer<RaftProperties> tuning) {
    GroupLayout layout = GroupLayout.of(self, peers);
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(snapshots, "snapshots");
    Parameters tls = RaftTls.parameters(Objects.requireNonNull(security, "security"));
    ReplicatedStateMachine stateMachine = new ReplicatedStateMachine(self, state);
    RaftServer server = null;
    try {
      Files.createDirectories(dataDir);
      RaftStorage.StartupOption option = startupOption(dataDir);
      RaftProperties properties =
          RatisSettings.server(layout.addressOf(self), dataDir, timings, snapshots);
      tuning.accept(properties);
      server =
          RaftServer.newBuilder()
              .setServerId(GroupLayout.peerId(self))
              .setGroup(layout.group())
              .setStateMachine(stateMachine)
              .setProperties(properties)
              .setParameters(tls)
              .setOption(option)
              .build();
      server.start();
      RaftClient raftClient =
          RaftClient.newBuilder()
              .setClientId(ClientId.randomId())
              .setRaftGroup(layout.group())
              .setLeaderId(GroupLayout.peerId(self))
              .setProperties(RatisSettings.client(timings))
              .setParameters(tls)
              .setRetryPolicy(RatisSettings.retryPolicy(timings))
              .build();
      GroupClient client = new GroupClient(self, raftClient, timings.commitDeadline());
      LOG.info("{}: started ({}) in {} with {}", self, option, dataDir, layout.replicas());
      return new RatisConsensusGroup(self, layout, server, stateMachine, client);
    } catch (IOException e) {
      closeQuietly(server);
      throw new UncheckedIOException("cannot start config replica " + self, e);
    } catch (RuntimeException e) {
      closeQuietly(server);
      throw e;
    }
  }

  /**
   * Recover whenever the group's directory exists, so that nothing already there is ever wiped
   * (Ratis formats a directory it recovers if that directory holds no log yet); format only a
   * directory that has never held the group.
   */
  private static RaftStorage.StartupOption startupOption(Path dataDir) {
    Path groupDir = dataDir.resolve(GroupLayout.GROUP_ID.getUuid().toString());
    return Files.isDirectory(groupDir)
        ? RaftStorage.StartupOption.RECOVER
        : RaftStorage.StartupOption.FORMAT;
  }

  @Override
  public CompletableFuture<byte[]> submit(byte[] command) {
    return client.submit(command.clone());
  }

  @Override
  public CompletableFuture<byte[]> query(byte[] query) {
    return client.query(query.clone());
  }

  @Override
  public GroupStatus status() {
    if (closed.get()) {
      return new GroupStatus(self, ReplicaRole.STOPPED, 0, Optional.empty(), layout.replicas(), -1);
    }
    DivisionInfo info;
    try {
      info = server.getDivision(GroupLayout.GROUP_ID).getInfo();
    } catch (IOException e) {
      return new GroupStatus(self, ReplicaRole.STOPPED, 0, Optional.empty(), layout.replicas(), -1);
    }
    RaftPeerId leader = info.getLeaderId();
    return new GroupStatus(
        self,
        info.isAlive() ? role(info) : ReplicaRole.STOPPED,
        info.getCurrentTerm(),
        Optional.ofNullable(leader).map(GroupLayout::replicaId),
        layout.replicas(),
        info.getLastAppliedIndex());
  }

  private static ReplicaRole role(DivisionInfo info) {
    return switch (info.getCurrentRole()) {
      case LEADER -> ReplicaRole.LEADER;
      case FOLLOWER -> ReplicaRole.FOLLOWER;
      case CANDIDATE -> ReplicaRole.CANDIDATE;
      case LISTENER -> ReplicaRole.LISTENER;
      default -> ReplicaRole.STOPPED;
    };
  }

  @Override
  public void addLeaderListener(Consumer<LeaderChange> listener) {
    stateMachine.addLeaderListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    client.close();
    closeQuietly(server);
    LOG.info("{}: closed", self);
  }

  private static void closeQuietly(RaftServer server) {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("closing the Raft server {} failed", server.getId(), e);
    }
  }

  @Override
  public String toString() {
    return "RatisConsensusGroup[" + self + " of " + layout.replicas() + "]";
  }
}
