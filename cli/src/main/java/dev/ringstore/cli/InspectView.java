package dev.ringstore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.client.InspectResult;
import dev.ringstore.client.ReplicaView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How {@code ringstore inspect} shows a result: JSON for programs, a table for people. A replica
 * that answered shows {@code found}, {@code values} (UTF-8 text), {@code context} and {@code
 * clock}; one that could not be asked shows {@code "reachable": false} and its {@code error}.
 */
final class InspectView {
  private InspectView() {}

  static ObjectNode json(String key, InspectResult result) {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("key", key).put("bucket", result.bucket());
    ArrayNode preference = json.putArray("preference");
    result.preference().forEach(preference::add);
    ArrayNode replicas = json.putArray("replicas");
    for (ReplicaView replica : result.replicas()) {
      ObjectNode view = replicas.addObject().put("node", replica.node());
      if (!replica.reachable()) {
        view.put("reachable", false).put("error", replica.error());
        continue;
      }
      view.put("found", replica.found());
      ArrayNode values = view.putArray("values");
      replica.values().forEach(v -> values.add(text(v)));
      if (replica.valuesOmitted()) {
        ArrayNode sizes = view.putArray("value_sizes");
        replica.valueSizes().forEach(sizes::add);
      }
      view.put("context", replica.context()).put("clock", replica.clock());
    }
    return json;
  }

  static String table(String key, InspectResult result) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NODE", "FOUND", "CLOCK", "VALUES"});
    for (ReplicaView replica : result.replicas()) {
      if (!replica.reachable()) {
        rows.add(new String[] {replica.node(), "?", "-", "unreachable: " + replica.error()});
      } else {
        String values =
            replica.valuesOmitted()
                ? "too large to show, sizes " + replica.valueSizes()
                : replica.values().stream()
                    .map(v -> '"' + text(v) + '"')
                    .collect(Collectors.joining(", "));
        String clock = replica.clock().isEmpty() ? "-" : replica.clock();
        rows.add(new String[] {replica.node(), replica.found() ? "yes" : "no", clock, values});
      }
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out =
        new StringBuilder(
            String.format(
                "key %s: bucket %d, preference %s%n",
                key, result.bucket(), String.join(", ", result.preference())));
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.append(line.append(row[3]).toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
