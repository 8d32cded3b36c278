package dev.ringstore.config;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.ConfigSnapshot;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.HistoryEntry;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.RingShape;
import dev.ringstore.protocol.v1.RoutingState;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.BucketTableBinary;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The config service's state, plain and mutable, guarded by {@link ConfigState}: the nodes, the
 * routing (current table, target table while a transfer runs), the moves reported done, the staged
 * plan, a bounded history of table versions and each node's last report. Encodes to and from a
 * {@link ConfigSnapshot}.
 */
final class ConfigModel {
  static final int HISTORY_LIMIT = 64;

  RingShape shape = RingShape.getDefaultInstance();
  final Map<NodeId, NodeRecord> nodes = new TreeMap<>();
  long version;
  BucketTable current;
  BucketTable target;
  final SortedSet<String> doneMoves = new TreeSet<>();
  PlanCommand staged;
  long stagedAgainst;
  final Deque<HistoryEntry> history = new ArrayDeque<>();
  final Map<NodeId, HeartbeatCommand> reports = new TreeMap<>();
  final Map<NodeId, Long> reportMillis = new TreeMap<>();

  RoutingState routing() {
    RoutingState.Builder routing = RoutingState.newBuilder().setVersion(version);
    if (current != null) {
      routing.setCurrent(ByteString.copyFrom(BucketTableBinary.encode(current)));
    }
    if (target != null) {
      routing.setTarget(ByteString.copyFrom(BucketTableBinary.encode(target)));
    }
    return routing.addAllNodes(nodes.values()).build();
  }

  void record(long newVersion, long atMillis, String change, int moves) {
    history.addLast(
        HistoryEntry.newBuilder()
            .setVersion(newVersion)
            .setAtMillis(atMillis)
            .setChange(change)
            .setMoves(moves)
            .build());
    while (history.size() > HISTORY_LIMIT) {
      history.removeFirst();
    }
  }

  ConfigSnapshot toSnapshot() {
    ConfigSnapshot.Builder snapshot =
        ConfigSnapshot.newBuilder()
            .setShape(shape)
            .addAllNodes(nodes.values())
            .setRouting(routing())
            .addAllDoneMoves(doneMoves)
            .setStagedAgainst(stagedAgainst)
            .addAllHistory(history)
            .addAllReports(reports.values());
    reports.keySet().forEach(id -> snapshot.addReportMillis(reportMillis.getOrDefault(id, 0L)));
    if (staged != null) {
      snapshot.setStaged(staged);
    }
    return snapshot.build();
  }

  static ConfigModel fromSnapshot(ConfigSnapshot snapshot) {
    ConfigModel model = new ConfigModel();
    model.shape = snapshot.getShape();
    snapshot.getNodesList().forEach(n -> model.nodes.put(NodeId.of(n.getId()), n));
    RoutingState routing = snapshot.getRouting();
    model.version = routing.getVersion();
    if (!routing.getCurrent().isEmpty()) {
      model.current = BucketTableBinary.decode(routing.getCurrent().toByteArray());
    }
    if (!routing.getTarget().isEmpty()) {
      model.target = BucketTableBinary.decode(routing.getTarget().toByteArray());
    }
    model.doneMoves.addAll(snapshot.getDoneMovesList());
    model.staged = snapshot.hasStaged() ? snapshot.getStaged() : null;
    model.stagedAgainst = snapshot.getStagedAgainst();
    model.history.addAll(snapshot.getHistoryList());
    for (int i = 0; i < snapshot.getReportsCount(); i++) {
      NodeId id = NodeId.of(snapshot.getReports(i).getNode());
      model.reports.put(id, snapshot.getReports(i));
      model.reportMillis.put(
          id, i < snapshot.getReportMillisCount() ? snapshot.getReportMillis(i) : 0L);
    }
    return model;
  }
}
