package dev.ringstore.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.HistoryEntry;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;
import dev.ringstore.ring.BucketMove;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The JSON the config service answers plans, commits and status with (docs/config-service.md). */
final class ConfigJson {
  private final ObjectMapper mapper = new ObjectMapper();

  String plan(ConfigModel model, ChangePlans.Planned planned) {
    ObjectNode json = mapper.createObjectNode();
    json.put("change", planned.description());
    json.put("against", model.version);
    json.put("version", model.version + 1);
    BucketTable before = planned.plan().before();
    BucketTable after = planned.plan().after();
    long total = 0;
    Map<NodeId, Integer> held = before == null ? Map.of() : before.replicaCounts();
    ArrayNode moves = json.putArray("moves");
    for (BucketMove move : planned.plan().moves()) {
      long bytes = estimatedBytes(model, before, held, move);
      total += bytes;
      moves
          .addObject()
          .put("bucket", move.bucket())
          .put("from", move.from() == null ? null : move.from().value())
          .put("to", move.to() == null ? null : move.to().value())
          .put("estimatedBytes", bytes);
    }
    json.put("moveCount", planned.plan().moves().size());
    json.put("estimatedBytes", total);
    json.put("zoneViolations", zoneViolations(after));
    ObjectNode replicas = json.putObject("replicasPerNode");
    after.replicaCounts().forEach((id, count) -> replicas.put(id.value(), count));
    return json.toString();
  }

  String committed(Transfers.Committed committed) {
    return mapper
        .createObjectNode()
        .put("version", committed.version())
        .put("change", committed.change())
        .put("moves", committed.moves())
        .toString();
  }

  String cancelled(boolean hadPlan) {
    return mapper.createObjectNode().put("cancelled", hadPlan).toString();
  }

  String status(ConfigModel model, LiveReports live) {
    ObjectNode json = mapper.createObjectNode();
    json.put("tableVersion", model.version);
    ArrayNode nodes = json.putArray("nodes");
    for (NodeRecord node : model.nodes.values()) {
      ObjectNode n =
          nodes
              .addObject()
              .put("id", node.getId())
              .put("status", role(node.getStatus()))
              .put("address", node.getAddress())
              .put("http", node.getHttp())
              .put("zone", node.getZone().isEmpty() ? null : node.getZone());
      NodeId id = NodeId.of(node.getId());
      LiveReports.Live newest =
          live.newest(id, model.reports.get(id), model.reportMillis.getOrDefault(id, 0L));
      if (newest != null) {
        HeartbeatCommand report = newest.report();
        n.put("keys", report.getKeys()).put("bytes", report.getBytes());
        n.put("tableVersion", report.getTableVersion());
        n.put("reportedAtMillis", newest.atMillis());
        n.putObject("transfer")
            .put("pendingBuckets", report.getPendingBuckets())
            .put("bytesMoved", report.getBytesMoved())
            .put("bytesPerSecond", report.getBytesPerSecond());
      }
    }
    if (model.target == null) {
      json.putNull("transfer");
    } else {
      json.putObject("transfer")
          .put("version", model.version)
          .put("moves", Transfers.incomingTotal(model))
          .put("done", model.doneMoves.size());
    }
    json.put(
        "staged",
        model.staged == null ? null : model.staged.getChangeCase().name().toLowerCase(Locale.ROOT));
    ArrayNode history = json.putArray("history");
    for (HistoryEntry entry : model.history) {
      history
          .addObject()
          .put("version", entry.getVersion())
          .put("atMillis", entry.getAtMillis())
          .put("change", entry.getChange())
          .put("moves", entry.getMoves());
    }
    return json.toString();
  }

  static String role(NodeRole role) {
    return switch (role) {
      case NODE_JOINING -> "joining";
      case NODE_MEMBER -> "member";
      case NODE_LEAVING -> "leaving";
      case NODE_LEFT -> "left";
      case NODE_REMOVED -> "removed";
      default -> "unknown";
    };
  }

  /** A move's bytes from its source's last report: its bytes over its bucket-replicas. */
  private static long estimatedBytes(
      ConfigModel model, BucketTable before, Map<NodeId, Integer> held, BucketMove move) {
    if (before == null || move.to() == null) {
      return 0;
    }
    NodeId source =
        move.from() != null ? move.from() : before.preferenceList(move.bucket()).primary();
    HeartbeatCommand report = model.reports.get(source);
    Integer replicas = held.get(source);
    return report == null || replicas == null || replicas == 0 ? 0 : report.getBytes() / replicas;
  }

  /** Buckets whose list spans fewer than min(N, zones) distinct zones. */
  private static int zoneViolations(BucketTable table) {
    Map<NodeId, String> zones = new HashMap<>();
    Set<String> all = new HashSet<>();
    for (Member m : table.members()) {
      m.zoneName()
          .ifPresent(
              z -> {
                zones.put(m.id(), z);
                all.add(z);
              });
    }
    if (all.isEmpty()) {
      return 0;
    }
    int needed = Math.min(table.settings().replicas(), all.size());
    int violations = 0;
    for (int b = 0; b < table.bucketCount(); b++) {
      Set<String> spanned = new HashSet<>();
      table.preferenceList(b).nodes().forEach(n -> spanned.add(zones.get(n)));
      if (spanned.size() < needed) {
        violations++;
      }
    }
    return violations;
  }
}
