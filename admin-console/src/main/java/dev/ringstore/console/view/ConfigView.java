package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot;
import dev.ringstore.console.cluster.ClusterSnapshot.ReplicaState;

/**
 * The config service (docs/console.md, {@code GET /api/v1/config}): its leader and term, each
 * replica as the console reached it, the staged plan, and the table history.
 */
public final class ConfigView {
  private ConfigView() {}

  public static ObjectNode of(ClusterSnapshot snapshot) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    JsonNode status = snapshot.configStatus();
    JsonNode group = status == null ? JsonNodeFactory.instance.objectNode() : status.path("config");
    json.put("leader", group.path("leader").asText(null));
    long term = group.path("term").asLong(0);
    for (ReplicaState replica : snapshot.replicas()) {
      term = Math.max(term, replica.term());
    }
    json.put("term", term);
    json.put("problem", snapshot.configProblem());
    ArrayNode replicas = json.putArray("replicas");
    for (ReplicaState replica : snapshot.replicas()) {
      replicas
          .addObject()
          .put("id", replica.id())
          .put("address", replica.address())
          .put("state", replica.state())
          .put("term", replica.term())
          .put("problem", replica.problem());
    }
    json.put("tableVersion", status == null ? 0 : status.path("tableVersion").asLong());
    json.put("staged", status == null ? null : status.path("staged").asText(null));
    ArrayNode history = json.putArray("history");
    if (status != null) {
      // Newest first: what an operator looks for.
      JsonNode entries = status.path("history");
      for (int i = entries.size() - 1; i >= 0; i--) {
        history.add(entries.get(i));
      }
    }
    return json;
  }
}
