package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last ten minutes per node, as each node keeps them, and for the cluster (docs/console.md,
 * {@code GET /api/v1/metrics}): samples of every node that fall in the same interval are summed
 * (rates) or take the worst (latencies), so the cluster line reads like one big node.
 */
public final class MetricsView {
  private static final long INTERVAL = 2000;

  private MetricsView() {}

  public static ObjectNode of(Map<String, NodeReport> histories) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("intervalMillis", INTERVAL);
    ObjectNode nodes = json.putObject("nodes");
    TreeMap<Long, ObjectNode> cluster = new TreeMap<>();
    new TreeMap<>(histories)
        .forEach(
            (id, history) -> {
              if (!history.reachable()) {
                nodes.putArray(id);
                return;
              }
              JsonNode samples = history.report().path("samples");
              nodes.set(id, samples);
              for (JsonNode sample : samples) {
                long step = sample.path("atMillis").asLong() / INTERVAL * INTERVAL;
                ObjectNode into =
                    cluster.computeIfAbsent(
                        step, s -> JsonNodeFactory.instance.objectNode().put("atMillis", s));
                merge(into, (ObjectNode) sample);
              }
            });
    ArrayNode all = json.putArray("cluster");
    cluster.values().forEach(all::add);
    return json;
  }

  private static void merge(ObjectNode into, ObjectNode sample) {
    Iterator<Map.Entry<String, JsonNode>> fields = sample.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("atMillis")) {
        continue;
      }
      boolean latency = name.startsWith("p50") || name.startsWith("p99");
      if (value.isObject()) {
        ObjectNode target = into.with(name);
        value
            .fields()
            .forEachRemaining(
                e ->
                    target.set(e.getKey(), combine(target.get(e.getKey()), e.getValue(), latency)));
      } else {
        into.set(name, combine(into.get(name), value, latency));
      }
    }
  }

  private static JsonNode combine(JsonNode sofar, JsonNode next, boolean latency) {
    if (next == null || next.isNull()) {
      return sofar == null ? JsonNodeFactory.instance.nullNode() : sofar;
    }
    if (sofar == null || sofar.isNull()) {
      return next;
    }
    double a = sofar.asDouble();
    double b = next.asDouble();
    return JsonNodeFactory.instance.numberNode(latency ? Math.max(a, b) : a + b);
  }
}
