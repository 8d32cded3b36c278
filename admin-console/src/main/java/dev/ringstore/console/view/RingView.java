package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.console.cluster.Verdicts;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.FallbackOrder;
import dev.ringstore.ring.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ring as the pages draw it (docs/console.md, {@code GET /api/v1/ring}): every bucket's
 * preference list in the current table, its state, who stands in for its primaries that are down
 * (the same {@link FallbackOrder} the coordinators use), and each node's share against the ideal.
 */
public final class RingView {
  private RingView() {}

  /** A bucket's state: the worst that applies. */
  public static String state(int up, int replicas, boolean anyDown, boolean moving) {
    if (up < replicas / 2 + 1) {
      return "below-w";
    }
    if (anyDown) {
      return "fallback";
    }
    return moving ? "transfer" : "ok";
  }

  public static ObjectNode of(Routing routing, Verdicts verdicts) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (routing == null) {
      return json.put("version", 0).put("buckets", 0);
    }
    BucketTable table = routing.current();
    int replicas = Math.min(table.settings().replicas(), table.members().size());
    json.put("version", routing.version())
        .put("buckets", table.bucketCount())
        .put("replicas", replicas);
    ArrayNode nodes = json.putArray("nodes");
    table.members().forEach(m -> nodes.add(m.id().value()));
    ArrayNode rows = json.putArray("table");
    ArrayNode states = json.putArray("states");
    ArrayNode fallbacks = json.putArray("fallbacks");
    ArrayNode transferring = json.putArray("transferring");
    Map<String, Integer> primaries = new TreeMap<>();
    for (int b = 0; b < table.bucketCount(); b++) {
      List<NodeId> list = table.preferenceList(b).nodes();
      ArrayNode row = rows.addArray();
      int up = 0;
      for (NodeId n : list) {
        row.add(n.value());
        up += verdicts.isDown(n.value()) ? 0 : 1;
      }
      primaries.merge(list.get(0).value(), 1, Integer::sum);
      List<NodeId> incoming = routing.incoming(b);
      boolean moving = !incoming.isEmpty();
      if (moving) {
        transferring.add(b);
      }
      boolean anyDown = up < list.size();
      states.add(state(up, replicas, anyDown, moving));
      ArrayNode standIns = fallbacks.addArray();
      if (anyDown) {
        List<NodeId> excluded = new ArrayList<>(list);
        excluded.addAll(incoming);
        List<NodeId> order =
            FallbackOrder.of(table, b, excluded, id -> !verdicts.isDown(id.value()));
        order.stream().limit(list.size() - up).forEach(id -> standIns.add(id.value()));
      }
    }
    ArrayNode down = json.putArray("down");
    table.members().stream()
        .map(Member::id)
        .filter(id -> verdicts.isDown(id.value()))
        .forEach(id -> down.add(id.value()));
    ArrayNode shares = json.putArray("shares");
    double ideal = (double) table.bucketCount() / table.members().size();
    table
        .replicaCounts()
        .forEach(
            (id, count) ->
                shares
                    .addObject()
                    .put("node", id.value())
                    .put("primaries", primaries.getOrDefault(id.value(), 0))
                    .put("replicas", count)
                    .put("idealPrimaries", Math.round(ideal * 10) / 10.0)
                    .put("idealReplicas", Math.round(ideal * replicas * 10) / 10.0));
    return json;
  }
}
