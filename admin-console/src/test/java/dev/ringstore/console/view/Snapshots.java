package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.console.cluster.ClusterSnapshot;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots as the gatherer builds them, with the JSON shapes the nodes and the config service
 * answer (docs/console.md): a cluster of {@code ids} where the nodes in {@code down} neither answer
 * the console nor the others' failure detectors.
 */
final class Snapshots {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long NOW = 1_800_000_000_000L;

  private final List<String> ids;
  private final Set<String> down;
  private final Map<String, List<ObjectNode>> hints = new HashMap<>();
  private final List<String> joining = new ArrayList<>();
  private String leader = "c1";
  private JsonNode transfer;

  Snapshots(List<String> ids, Set<String> down) {
    this.ids = ids;
    this.down = down;
  }

  /** A node that asked to join: known to the config service and answering, in no table. */
  Snapshots joining(String id) {
    joining.add(id);
    return this;
  }

  Snapshots leader(String id) {
    leader = id;
    return this;
  }

  Snapshots hints(String holder, String target, long count, long bytes) {
    hints
        .computeIfAbsent(holder, h -> new ArrayList<>())
        .add(JSON.createObjectNode().put("target", target).put("count", count).put("bytes", bytes));
    return this;
  }

  Snapshots transfer(long version, long moves, long done) {
    transfer =
        JSON.createObjectNode().put("version", version).put("moves", moves).put("done", done);
    return this;
  }

  Routing routing() {
    List<Member> members = ids.stream().map(Member::of).toList();
    BucketTable table = BucketTable.initial(members, new RingSettings(64, 3, 16)).withVersion(1);
    Map<NodeId, NodeRecord> nodes = new HashMap<>();
    ids.forEach(
        id ->
            nodes.put(
                NodeId.of(id),
                NodeRecord.newBuilder().setId(id).setAddress("127.0.0.1:1").build()));
    return new Routing(1, table, null, nodes);
  }

  ClusterSnapshot build() {
    ObjectNode status = JSON.createObjectNode().put("tableVersion", 1);
    status.putObject("config").put("leader", leader).put("term", 3);
    ArrayNode nodes = status.putArray("nodes");
    ids.forEach(
        id -> nodes.addObject().put("id", id).put("status", "member").put("http", id + ":80"));
    joining.forEach(
        id -> nodes.addObject().put("id", id).put("status", "joining").put("http", id + ":80"));
    status.set("transfer", transfer);
    Map<String, NodeReport> reports = new HashMap<>();
    for (String id : ids) {
      if (down.contains(id)) {
        reports.put(id, new NodeReport(id, id + ":80", null, "connection refused"));
        continue;
      }
      ObjectNode report = JSON.createObjectNode().put("id", id).put("generation", 1);
      ArrayNode members = report.putArray("members");
      for (String other : ids) {
        members
            .addObject()
            .put("id", other)
            .put("status", down.contains(other) ? "down" : "up")
            .put("phi", down.contains(other) ? 12.5 : 0.3);
      }
      ArrayNode queues = report.putArray("hints");
      hints.getOrDefault(id, List.of()).forEach(queues::add);
      report.putObject("antiEntropy").putObject("lastExchangeMillis");
      reports.put(id, new NodeReport(id, id + ":80", report, null));
    }
    for (String id : joining) {
      ObjectNode report = JSON.createObjectNode().put("id", id).put("generation", 1);
      report.putArray("members").addObject().put("id", id).put("status", "joining");
      reports.put(id, new NodeReport(id, id + ":80", report, null));
    }
    return new ClusterSnapshot(NOW, status, null, List.of(), routing(), reports);
  }
}
