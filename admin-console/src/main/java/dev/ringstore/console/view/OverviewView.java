package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import dev.ringstore.console.cluster.Verdicts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line that says whether the cluster is healthy and, if not, why (docs/console.md, {@code
 * GET /api/v1/overview}). Reasons come most severe first: no config leader, nodes down, buckets
 * below W, buckets on fallbacks, a transfer, a hint backlog, a stale anti-entropy exchange, a node
 * the console cannot reach.
 */
public final class OverviewView {
  /** An exchange older than this on a node that had one means anti-entropy has stalled there. */
  static final Duration STALE_EXCHANGE = Duration.ofMinutes(10);

  private OverviewView() {}

  public static ObjectNode of(ClusterSnapshot snapshot, Verdicts verdicts, ObjectNode ring) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
    JsonNode status = snapshot.configStatus();
    String leader = status == null ? null : status.path("config").path("leader").asText(null);
    if (leader == null) {
      reasons
          .addObject()
          .put("kind", "config-leader")
          .put(
              "text",
              "the config service has no leader"
                  + (snapshot.configProblem() == null
                      ? ""
                      : " (" + snapshot.configProblem() + ")"));
    }
    List<String> down = new ArrayList<>();
    List<String> joining = new ArrayList<>();
    verdicts
        .all()
        .forEach(
            (id, s) -> {
              if (MembersView.configRecord(snapshot, id)
                  .path("status")
                  .asText()
                  .equals("joining")) {
                joining.add(id); // not in any table yet: nothing depends on it
              } else if (s.equals("down")) {
                down.add(id);
              }
            });
    if (!down.isEmpty()) {
      ObjectNode reason = reasons.addObject().put("kind", "nodes-down");
      reason.put("text", String.join(", ", down) + (down.size() == 1 ? " is down" : " are down"));
      down.forEach(reason.putArray("nodes")::add);
    }
    int belowW = 0;
    int fallback = 0;
    for (JsonNode state : ring.path("states")) {
      belowW += state.asText().equals("below-w") ? 1 : 0;
      fallback += state.asText().equals("fallback") ? 1 : 0;
    }
    if (belowW > 0) {
      reasons
          .addObject()
          .put("kind", "below-w")
          .put("text", belowW + " buckets have fewer than W primaries up")
          .put("count", belowW);
    }
    if (fallback > 0) {
      reasons
          .addObject()
          .put("kind", "fallback-buckets")
          .put("text", fallback + " buckets have a primary down, served by fallbacks")
          .put("count", fallback);
    }
    JsonNode transfer = status == null ? null : status.get("transfer");
    if (transfer != null && !transfer.isNull()) {
      reasons
          .addObject()
          .put("kind", "transfer")
          .put(
              "text",
              "transfer to table v"
                  + transfer.path("version").asLong()
                  + ": "
                  + transfer.path("done").asLong()
                  + " of "
                  + transfer.path("moves").asLong()
                  + " moves done");
    }
    long hints = 0;
    long hintBytes = 0;
    long oldest = Long.MAX_VALUE;
    List<String> unreachable = new ArrayList<>();
    for (NodeReport report : snapshot.reports().values()) {
      if (!report.reachable()) {
        if (!verdicts.isDown(report.id())) {
          unreachable.add(report.id());
        }
        continue;
      }
      for (JsonNode queue : report.report().path("hints")) {
        hints += queue.path("count").asLong();
        hintBytes += queue.path("bytes").asLong();
      }
      long newest = Exchanges.newest(report.report());
      if (newest > 0) {
        oldest = Math.min(oldest, newest);
      }
    }
    if (hints > 0) {
      reasons
          .addObject()
          .put("kind", "hint-backlog")
          .put("text", hints + " hints queued (" + Bytes.human(hintBytes) + ")")
          .put("count", hints)
          .put("bytes", hintBytes);
    }
    if (oldest != Long.MAX_VALUE && snapshot.atMillis() - oldest > STALE_EXCHANGE.toMillis()) {
      reasons
          .addObject()
          .put("kind", "anti-entropy")
          .put(
              "text",
              "a node's newest anti-entropy exchange is "
                  + (snapshot.atMillis() - oldest) / 60_000
                  + " minutes old")
          .put("oldestExchangeMillis", oldest);
    }
    if (!unreachable.isEmpty()) {
      reasons
          .addObject()
          .put("kind", "unreachable")
          .put("text", "the console cannot reach " + String.join(", ", unreachable) + " over HTTP");
    }
    int total = verdicts.all().size() - joining.size();
    json.put("healthy", reasons.isEmpty());
    List<String> texts = new ArrayList<>();
    reasons.forEach(r -> texts.add(r.path("text").asText()));
    json.put(
        "summary",
        reasons.isEmpty()
            ? "healthy: "
                + total
                + " nodes up, table v"
                + tableVersion(snapshot)
                + ", config leader "
                + leader
                + (joining.isEmpty() ? "" : "; " + String.join(", ", joining) + " asking to join")
            : String.join("; ", texts));
    json.set("reasons", reasons);
    ObjectNode nodes =
        json.putObject("nodes")
            .put("up", total - down.size())
            .put("down", down.size())
            .put("total", total);
    joining.forEach(nodes.putArray("joining")::add);
    json.put("tableVersion", tableVersion(snapshot));
    json.put("configLeader", leader);
    json.put("atMillis", snapshot.atMillis());
    return json;
  }

  private static long tableVersion(ClusterSnapshot snapshot) {
    return snapshot.routing() == null ? 0 : snapshot.routing().version();
  }
}
