package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import dev.ringstore.console.cluster.Verdicts;

/**
 * Every member, merged from the config service's record (role, zone, addresses, last report) and
 * the nodes' own reports (docs/console.md, {@code GET /api/v1/members}). Phi is the highest any
 * other node's failure detector holds for it, with that observer's history; hints are those every
 * other node holds for it.
 */
public final class MembersView {
  private MembersView() {}

  public static ObjectNode of(ClusterSnapshot snapshot, Verdicts verdicts) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode members = json.putArray("members");
    for (String id : Verdicts.members(snapshot)) {
      JsonNode record = configRecord(snapshot, id);
      NodeReport own = snapshot.reports().get(id);
      JsonNode report = own != null && own.reachable() ? own.report() : null;
      ObjectNode m = members.addObject().put("id", id);
      m.put("zone", text(record, "zone", report, "zone"));
      m.put("address", text(record, "address", report, "address"));
      m.put("http", text(record, "http", report, "http"));
      m.put("role", record.path("status").asText("unknown"));
      m.put("status", verdicts.status(id));
      m.put("reachable", report != null);
      m.put("problem", own == null ? "the config service knows no HTTP address" : own.problem());
      m.put("generation", report == null ? null : report.path("generation").asLong());
      m.put("tableVersion", number(report, record, "tableVersion"));
      m.put("keys", number(report, record, "keys"));
      m.put("bytes", number(report, record, "bytes"));
      observed(snapshot, id, m);
    }
    return json;
  }

  private static void observed(ClusterSnapshot snapshot, String id, ObjectNode m) {
    double phi = 0;
    JsonNode history = null;
    long hints = 0;
    long hintBytes = 0;
    long exchange = 0;
    for (NodeReport other : snapshot.reports().values()) {
      if (!other.reachable()) {
        continue;
      }
      JsonNode report = other.report();
      if (other.id().equals(id)) {
        exchange = Math.max(exchange, Exchanges.newest(report));
        continue;
      }
      exchange = Math.max(exchange, Exchanges.between(report, id));
      for (JsonNode seen : report.path("members")) {
        if (id.equals(seen.path("id").asText())
            && (history == null || seen.path("phi").asDouble() > phi)) {
          phi = seen.path("phi").asDouble();
          history = seen.path("phiHistory");
        }
      }
      for (JsonNode queue : report.path("hints")) {
        if (id.equals(queue.path("target").asText())) {
          hints += queue.path("count").asLong();
          hintBytes += queue.path("bytes").asLong();
        }
      }
    }
    m.put("phi", Math.round(phi * 100) / 100.0);
    if (history == null) {
      m.putArray("phiHistory");
    } else {
      m.set("phiHistory", history);
    }
    m.put("hintsQueued", hints).put("hintBytesQueued", hintBytes);
    if (exchange > 0) {
      m.put("lastExchangeMillis", exchange);
    } else {
      m.putNull("lastExchangeMillis");
    }
  }

  static JsonNode configRecord(ClusterSnapshot snapshot, String id) {
    if (snapshot.configStatus() != null) {
      for (JsonNode node : snapshot.configStatus().path("nodes")) {
        if (id.equals(node.path("id").asText())) {
          return node;
        }
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private static String text(JsonNode first, String field, JsonNode second, String other) {
    String value = first.path(field).asText(null);
    return value != null || second == null ? value : second.path(other).asText(null);
  }

  private static Long number(JsonNode report, JsonNode record, String field) {
    JsonNode value = report != null && report.has(field) ? report.get(field) : record.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }
}
