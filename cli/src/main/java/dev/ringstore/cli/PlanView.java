package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The human summaries of the config service's plan and commit answers. */
final class PlanView {
  private PlanView() {}

  /**
   * The change, the versions, the moves and their estimated bytes, zone violations, and per node
   * its bucket-replicas after the change with those it gains and loses.
   */
  static String plan(JsonNode plan) {
    long against = plan.path("against").asLong();
    int moves = plan.path("moveCount").asInt();
    StringBuilder out = new StringBuilder();
    out.append(String.format("planned: %s%n", plan.path("change").asText()));
    out.append(
        String.format(
            Locale.ROOT,
            "table v%d -> v%d%s%n",
            against,
            plan.path("version").asLong(),
            against == 0 ? " (the cluster's first table)" : ""));
    if (against > 0) {
      out.append(
          String.format(
              "moves: %d bucket-replica%s, about %s%n",
              moves, moves == 1 ? "" : "s", ByteSize.format(plan.path("estimatedBytes").asLong())));
    }
    out.append(String.format("zone violations: %d%n", plan.path("zoneViolations").asInt()));
    out.append(String.format("%-12s %9s %6s %6s%n", "NODE", "REPLICAS", "IN", "OUT"));
    Map<String, int[]> flows = flows(plan.path("moves"));
    Map<String, Integer> after = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = plan.path("replicasPerNode").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> node = it.next();
      after.put(node.getKey(), node.getValue().asInt());
    }
    flows.keySet().forEach(id -> after.putIfAbsent(id, 0));
    after.forEach(
        (id, replicas) -> {
          int[] flow = flows.getOrDefault(id, new int[2]);
          out.append(String.format("%-12s %9d %+6d %6d%n", id, replicas, flow[0], -flow[1]));
        });
    out.append("apply it with `ringstore commit`, or drop it with `ringstore plan cancel`\n");
    return out.toString();
  }

  /** The committed change, its version, and what happens next. */
  static String committed(JsonNode commit) {
    long version = commit.path("version").asLong();
    int moves = commit.path("moves").asInt();
    String change = commit.path("change").asText();
    if (moves == 0) {
      return String.format("committed: %s as table v%d%n", change, version);
    }
    return String.format(
        "committed: %s as table v%d; %d bucket-replica%s move while the cluster serves, and the"
            + " config service commits v%d once they have (`ringstore status` shows the"
            + " progress)%n",
        change, version, moves, moves == 1 ? "" : "s", version + 1);
  }

  /** Per node: bucket-replicas it receives ([0]) and gives up ([1]). */
  private static Map<String, int[]> flows(JsonNode moves) {
    Map<String, int[]> flows = new TreeMap<>();
    for (JsonNode move : moves) {
      if (move.path("to").isTextual()) {
        flows.computeIfAbsent(move.get("to").asText(), id -> new int[2])[0]++;
      }
      if (move.path("from").isTextual()) {
        flows.computeIfAbsent(move.get("from").asText(), id -> new int[2])[1]++;
      }
    }
    return flows;
  }
}
