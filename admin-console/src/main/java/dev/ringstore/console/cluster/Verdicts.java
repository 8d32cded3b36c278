package dev.ringstore.console.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import dev.ringstore.ring.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster's verdict on each member, from the nodes that answered: what the majority of the
 * other nodes' failure detectors say, so one slow link from the console does not mark a node down;
 * when no other node reports on it, whether the console itself reached it.
 */
public final class Verdicts {
  private final Map<String, String> status = new TreeMap<>();

  private Verdicts() {}

  public static Verdicts of(ClusterSnapshot snapshot) {
    Verdicts verdicts = new Verdicts();
    for (String id : members(snapshot)) {
      verdicts.status.put(id, judge(snapshot, id));
    }
    return verdicts;
  }

  /** Every node the config service or the table knows, not gone, in id order. */
  public static TreeSet<String> members(ClusterSnapshot snapshot) {
    TreeSet<String> ids = new TreeSet<>(snapshot.reports().keySet());
    if (snapshot.routing() != null) {
      snapshot.routing().current().members().stream()
          .map(Member::id)
          .forEach(id -> ids.add(id.value()));
    }
    return ids;
  }

  private static String judge(ClusterSnapshot snapshot, String id) {
    List<String> others = new ArrayList<>();
    for (NodeReport report : snapshot.reports().values()) {
      if (report.reachable() && !report.id().equals(id)) {
        for (JsonNode member : report.report().path("members")) {
          if (id.equals(member.path("id").asText())) {
            others.add(member.path("status").asText("unknown"));
          }
        }
      }
    }
    NodeReport own = snapshot.reports().get(id);
    long down = others.stream().filter("down"::equals).count();
    if (!others.isEmpty() && down * 2 > others.size()) {
      return "down";
    }
    if (own != null && own.reachable()) {
      return selfStatus(own.report(), id);
    }
    return others.stream().filter(s -> !s.equals("down")).findFirst().orElse("down");
  }

  private static String selfStatus(JsonNode report, String id) {
    for (JsonNode member : report.path("members")) {
      if (id.equals(member.path("id").asText())) {
        return member.path("status").asText("up");
      }
    }
    return "up";
  }

  /** up, down, joining, leaving; "down" for an id no one knows. */
  public String status(String id) {
    return status.getOrDefault(id, "down");
  }

  public boolean isDown(String id) {
    return "down".equals(status(id));
  }

  public Map<String, String> all() {
    return status;
  }
}
