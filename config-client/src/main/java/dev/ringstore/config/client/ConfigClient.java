package dev.ringstore.config.client;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.CancelCommand;
import dev.ringstore.protocol.v1.CommitCommand;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ConfigStatusQuery;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.HeartbeatQuery;
import dev.ringstore.protocol.v1.JoinCommand;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.RoutingState;
import dev.ringstore.protocol.v1.TableQuery;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The config service's operations, typed: join, heartbeat, table since a version, and the
 * operator's plan, commit, cancel and status (as JSON). Each command is stamped with this client's
 * clock. A refusal fails the future with a {@link ConfigRejectedException}; an unreachable service
 * with a {@link RingstoreException} (UNAVAILABLE or TIMEOUT).
 */
public final class ConfigClient implements AutoCloseable {
  private final ConfigChannel channel;
  private final InstantSource clock;
  private volatile long lastLoggedHeartbeat = Long.MIN_VALUE / 2;

  /** How often a heartbeat goes through the Raft log even when it reports no finished bucket. */
  public static final long LOGGED_HEARTBEAT_EVERY = 30_000;

  public ConfigClient(ConfigChannel channel, InstantSource clock) {
    this.channel = channel;
    this.clock = clock;
  }

  public CompletableFuture<NodeRecord> join(NodeRecord node) {
    return command(ConfigCommand.newBuilder().setJoin(JoinCommand.newBuilder().setNode(node)))
        .thenApply(ConfigReply::getJoined);
  }

  /** Sends a node's report; answers the newest table version the service has. */
  /**
   * Reports to the service; completes with its table version. A report of finished buckets goes
   * through the Raft log (the transfer's progress is replicated state), and so does one every
   * {@link #LOGGED_HEARTBEAT_EVERY} (the load figures a plan estimates bytes from); the others are
   * queries the leader answers from memory: liveness needs no consensus, and a Raft entry per node
   * per second kept the config service busy on an idle cluster.
   */
  public CompletableFuture<Long> heartbeat(HeartbeatCommand report) {
    long now = clock.millis();
    if (report.getDoneBucketsCount() > 0 || now - lastLoggedHeartbeat >= LOGGED_HEARTBEAT_EVERY) {
      lastLoggedHeartbeat = now;
      return command(ConfigCommand.newBuilder().setHeartbeat(report))
          .thenApply(reply -> reply.getHeartbeat().getTableVersion());
    }
    return channel
        .query(
            ConfigQuery.newBuilder()
                .setHeartbeat(HeartbeatQuery.newBuilder().setReport(report).setAtMillis(now))
                .build())
        .thenApply(ConfigClient::requireOk)
        .thenApply(reply -> reply.getHeartbeat().getTableVersion());
  }

  /**
   * The routing state if the service holds a table newer than {@code sinceVersion}; empty when it
   * is unchanged or when the cluster has no table yet.
   */
  public CompletableFuture<Optional<Routing>> tableSince(long sinceVersion) {
    return channel
        .query(
            ConfigQuery.newBuilder()
                .setTable(TableQuery.newBuilder().setSinceVersion(sinceVersion))
                .build())
        .thenApply(ConfigClient::requireOk)
        .thenApply(
            reply -> {
              RoutingState state = reply.getTable();
              return state.getUnchanged() || state.getVersion() == 0
                  ? Optional.<Routing>empty()
                  : Optional.of(Routing.fromProto(state));
            });
  }

  /** Stages a change; answers the plan as JSON. */
  public CompletableFuture<String> plan(PlanCommand plan) {
    return command(ConfigCommand.newBuilder().setPlan(plan)).thenApply(ConfigReply::getJson);
  }

  public CompletableFuture<String> commit() {
    return command(ConfigCommand.newBuilder().setCommit(CommitCommand.getDefaultInstance()))
        .thenApply(ConfigReply::getJson);
  }

  public CompletableFuture<String> cancel() {
    return command(ConfigCommand.newBuilder().setCancel(CancelCommand.getDefaultInstance()))
        .thenApply(ConfigReply::getJson);
  }

  /** The service's status as JSON: its Raft group, the nodes, the transfer, the history. */
  public CompletableFuture<String> status() {
    return channel
        .query(ConfigQuery.newBuilder().setStatus(ConfigStatusQuery.getDefaultInstance()).build())
        .thenApply(ConfigClient::requireOk)
        .thenApply(ConfigReply::getJson);
  }

  private CompletableFuture<ConfigReply> command(ConfigCommand.Builder command) {
    return channel
        .command(command.setAtMillis(clock.millis()).build())
        .thenApply(ConfigClient::requireOk);
  }

  private static ConfigReply requireOk(ConfigReply reply) {
    if (reply.hasError()) {
      throw new ConfigRejectedException(reply.getError().getCode(), reply.getError().getMessage());
    }
    return reply;
  }

  @Override
  public void close() {
    channel.close();
  }
}
