package dev.ringstore.ring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of tables and plans, documented in docs/ring.md:
 *
 * <pre>
 * {"version": 3, "buckets": 1024, "replicas": 3, "tokens": 64,
 *  "nodes": [{"id": "n1", "zone": "z1"}, ...],
 *  "table": [["n1", "n4", "n7"], ...]}          table[b] is bucket b's preference list
 * </pre>
 *
 * A plan is {@code {"before": TABLE, "after": TABLE, "moves": [{"bucket": b, "from": "n3", "to":
 * "n11"}, ...]}}. "zone" is left out for nodes without one; "from"/"to" are null when a list grows
 * or shrinks.
 */
public final class BucketTableJson {
  private final ObjectMapper mapper;

  public BucketTableJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The table as JSON; {@code withVersion} false leaves out "version" (a simulated table). */
  public ObjectNode toJson(BucketTable table, boolean withVersion) {
    ObjectNode json = mapper.createObjectNode();
    if (withVersion) {
      json.put("version", table.version());
    }
    json.put("buckets", table.settings().buckets());
    json.put("replicas", table.settings().replicas());
    json.put("tokens", table.settings().tokens());
    ArrayNode nodes = json.putArray("nodes");
    for (Member m : table.members()) {
      ObjectNode node = nodes.addObject().put("id", m.id().value());
      m.zoneName().ifPresent(zone -> node.put("zone", zone));
    }
    ArrayNode lists = json.putArray("table");
    for (int b = 0; b < table.bucketCount(); b++) {
      ArrayNode list = lists.addArray();
      table.preferenceList(b).nodes().forEach(n -> list.add(n.value()));
    }
    return json;
  }

  public ObjectNode toJson(TablePlan plan, boolean withVersion) {
    ObjectNode json = mapper.createObjectNode();
    json.set("before", toJson(plan.before(), withVersion));
    json.set("after", toJson(plan.after(), withVersion));
    ArrayNode moves = json.putArray("moves");
    for (BucketMove move : plan.moves()) {
      ObjectNode m = moves.addObject().put("bucket", move.bucket());
      m.put("from", move.from() == null ? null : move.from().value());
      m.put("to", move.to() == null ? null : move.to().value());
    }
    return json;
  }

  /**
   * Reads a table; a missing "version" reads as 1.
   *
   * @throws InvalidRingException when the text is not a valid table
   */
  public BucketTable fromJson(String text) {
    JsonNode json;
    try {
      json = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidRingException("table is not valid JSON: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new InvalidRingException("table JSON must be an object");
    }
    long version = json.has("version") ? number(json, "version") : 1;
    RingSettings settings =
        new RingSettings(
            (int) number(json, "buckets"),
            (int) number(json, "replicas"),
            json.has("tokens") ? (int) number(json, "tokens") : RingSettings.DEFAULT_TOKENS);
    List<Member> members = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (JsonNode node : array(json, "nodes")) {
      String id = node.path("id").asText("");
      JsonNode zone = node.get("zone");
      members.add(
          new Member(
              TableCheck.memberId(id), zone == null || zone.isNull() ? null : zone.asText()));
      index.put(id, index.size());
    }
    JsonNode table = array(json, "table");
    int[][] lists = new int[table.size()][];
    for (int b = 0; b < lists.length; b++) {
      JsonNode list = table.get(b);
      if (!list.isArray()) {
        throw new InvalidRingException("table[" + b + "] must be an array of node ids");
      }
      lists[b] = new int[list.size()];
      for (int i = 0; i < list.size(); i++) {
        Integer m = index.get(list.get(i).asText());
        if (m == null) {
          throw new InvalidRingException("table[" + b + "] names unknown node " + list.get(i));
        }
        lists[b][i] = m;
      }
    }
    return TableCheck.checked(version, settings, members, lists);
  }

  private static long number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new InvalidRingException("table JSON needs a whole number \"" + field + "\"");
    }
    return value.asLong();
  }

  private static JsonNode array(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isArray()) {
      throw new InvalidRingException("table JSON needs an array \"" + field + "\"");
    }
    return value;
  }
}
