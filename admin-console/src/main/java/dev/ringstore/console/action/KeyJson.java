package dev.ringstore.console.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.client.InspectResult;
import dev.ringstore.client.ReplicaView;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** A key's replicas as {@code GET /api/v1/keys} answers them (docs/console.md). */
final class KeyJson {
  private KeyJson() {}

  static ObjectNode of(byte[] key, InspectResult result, String context) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("key", new String(key, StandardCharsets.UTF_8)).put("bucket", result.bucket());
    result.preference().forEach(json.putArray("preference")::add);
    json.put("context", context);
    ArrayNode replicas = json.putArray("replicas");
    Set<String> views = new HashSet<>();
    for (ReplicaView replica : result.replicas()) {
      ObjectNode r =
          replicas
              .addObject()
              .put("node", replica.node())
              .put("reachable", replica.reachable())
              .put("found", replica.found())
              .put("context", replica.context())
              .put("clock", replica.clock())
              .put("valuesOmitted", replica.valuesOmitted())
              .put("error", replica.error().isEmpty() ? null : replica.error());
      ArrayNode siblings = r.putArray("siblings");
      ArrayNode dots = KeyActions.dots(replica);
      for (int i = 0; i < replica.valueSizes().size(); i++) {
        ObjectNode sibling = siblings.addObject().put("size", replica.valueSizes().get(i));
        if (i < replica.values().size()) {
          byte[] value = replica.values().get(i);
          sibling.put("value", KeyActions.base64(value)).put("text", KeyActions.text(value));
        } else {
          sibling.putNull("value").putNull("text");
        }
        JsonNode dot = dots.get(i);
        sibling.put("dot", dot == null ? null : dot.asText());
      }
      if (replica.reachable()) {
        views.add(replica.found() + " " + replica.clock());
      }
    }
    json.put("differ", views.size() > 1);
    return json;
  }
}
