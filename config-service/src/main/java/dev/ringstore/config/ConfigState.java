package dev.ringstore.config;

import static dev.ringstore.config.client.ConfigRejectedException.badRequest;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.ConfigRejectedException;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ConfigSnapshot;
import dev.ringstore.protocol.v1.Error;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.HeartbeatQuery;
import dev.ringstore.protocol.v1.HeartbeatReply;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;
import dev.ringstore.protocol.v1.RoutingState;

/**
 * The config service's state machine: applies {@link ConfigCommand}s (join, heartbeat, plan,
 * commit, cancel) and answers {@link ConfigQuery}s (table since a version, status). Deterministic:
 * it reads no clock (commands carry their time) and plans with the deterministic planner, so every
 * Raft replica holds the same state. A refused command changes nothing and replies with an error.
 */
public final class ConfigState implements ReplicatedState {
  private final ConfigJson json = new ConfigJson();
  private ConfigModel model = new ConfigModel();
  private final LiveReports live = new LiveReports();

  @Override
  public synchronized byte[] apply(byte[] bytes) {
    return answer(
        () -> {
          ConfigCommand command = ConfigCommand.parseFrom(bytes);
          long at = command.getAtMillis();
          return switch (command.getKindCase()) {
            case JOIN ->
                ConfigReply.newBuilder()
                    .setJoined(Membership.join(model, command.getJoin().getNode()))
                    .build();
            case HEARTBEAT -> heartbeat(command.getHeartbeat(), at);
            case PLAN -> {
              ChangePlans.Planned planned = ChangePlans.plan(model, command.getPlan());
              model.staged = command.getPlan();
              model.stagedAgainst = model.version;
              yield jsonReply(json.plan(model, planned));
            }
            case COMMIT -> jsonReply(json.committed(Transfers.commit(model, at)));
            case CANCEL -> {
              boolean had = model.staged != null;
              model.staged = null;
              yield jsonReply(json.cancelled(had));
            }
            case KIND_NOT_SET -> throw badRequest("empty config command");
          };
        });
  }

  @Override
  public synchronized byte[] query(byte[] bytes) {
    return answer(
        () -> {
          ConfigQuery query = ConfigQuery.parseFrom(bytes);
          return switch (query.getKindCase()) {
            case TABLE ->
                ConfigReply.newBuilder()
                    .setTable(table(query.getTable().getSinceVersion()))
                    .build();
            case STATUS -> jsonReply(json.status(model, live));
            case HEARTBEAT -> liveHeartbeat(query.getHeartbeat());
            case KIND_NOT_SET -> throw badRequest("empty config query");
          };
        });
  }

  @Override
  public synchronized byte[] snapshot() {
    return model.toSnapshot().toByteArray();
  }

  @Override
  public synchronized void restore(byte[] snapshot) {
    try {
      model = ConfigModel.fromSnapshot(ConfigSnapshot.parseFrom(snapshot));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("config snapshot is corrupt", e);
    }
  }

  /** The table version the state is at (0 before the first commit). */
  public synchronized long version() {
    return model.version;
  }

  private ConfigReply heartbeat(HeartbeatCommand report, long at) {
    NodeId node = NodeId.of(report.getNode());
    NodeRecord record = model.nodes.get(node);
    if (record == null) {
      throw badRequest("unknown node " + node + "; it must ask to join first");
    }
    model.reports.put(node, report);
    model.reportMillis.put(node, at);
    if (record.getStatus() != NodeRole.NODE_JOINING
        && model.target != null
        && report.getTransferVersion() == model.version) {
      Transfers.markDone(model, node, report.getDoneBucketsList(), at);
    }
    return ConfigReply.newBuilder()
        .setHeartbeat(HeartbeatReply.newBuilder().setTableVersion(model.version))
        .build();
  }

  /**
   * A heartbeat sent as a query: kept in this replica's memory only (the leader's, which answers
   * queries), shown by status when newer than the replicated report; never in the log or snapshot.
   */
  private ConfigReply liveHeartbeat(HeartbeatQuery heartbeat) {
    HeartbeatCommand report = heartbeat.getReport();
    NodeId node = NodeId.of(report.getNode());
    if (!model.nodes.containsKey(node)) {
      throw badRequest("unknown node " + node + "; it must ask to join first");
    }
    live.put(node, report, heartbeat.getAtMillis());
    return ConfigReply.newBuilder()
        .setHeartbeat(HeartbeatReply.newBuilder().setTableVersion(model.version))
        .build();
  }

  private RoutingState table(long since) {
    if (since != 0 && since == model.version) {
      return RoutingState.newBuilder().setVersion(since).setUnchanged(true).build();
    }
    return model.routing();
  }

  private static ConfigReply jsonReply(String text) {
    return ConfigReply.newBuilder().setJson(text).build();
  }

  private interface Answer {
    ConfigReply get() throws InvalidProtocolBufferException;
  }

  private static byte[] answer(Answer answer) {
    try {
      return answer.get().toByteArray();
    } catch (ConfigRejectedException e) {
      return error(e.code(), e.detail());
    } catch (InvalidProtocolBufferException e) {
      return error(ErrorCode.BAD_REQUEST, "not a config message: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(ErrorCode.BAD_REQUEST, e.getMessage());
    }
  }

  private static byte[] error(ErrorCode code, String message) {
    return ConfigReply.newBuilder()
        .setError(Error.newBuilder().setCode(code).setMessage(message))
        .build()
        .toByteArray();
  }
}
