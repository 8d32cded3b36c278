package dev.ringstore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.client.ClusterStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code ringstore status}'s two forms: JSON for machines, a table for people. Without a config
 * service (a static cluster) both are the node's view alone; with one, its view follows.
 */
final class StatusView {
  private StatusView() {}

  static ObjectNode json(ClusterStatus status, ConfigServiceStatus service) {
    ObjectNode json = json(status);
    if (service.configured()) {
      ConfigStatusView.addTo(json, service);
    }
    return json;
  }

  static String table(ClusterStatus status, ConfigServiceStatus service, Instant now) {
    String table = table(status);
    return service.configured() ? table + "\n" + ConfigStatusView.text(service, now) : table;
  }

  static ObjectNode json(ClusterStatus status) {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("node", status.node());
    ArrayNode members = json.putArray("members");
    for (ClusterStatus.Member member : status.members()) {
      members
          .addObject()
          .put("id", member.id())
          .put("status", member.status())
          .put("address", member.address())
          .put("phi", Math.round(member.phi() * 100) / 100.0)
          .put("generation", member.generation())
          .put("heartbeat", member.heartbeat())
          .put("tableVersion", member.tableVersion())
          .put("keys", member.keys())
          .put("bytes", member.bytes());
    }
    json.put("tableVersion", status.tableVersion());
    return json;
  }

  static String table(ClusterStatus status) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "as seen by %s, table v%d%n%-12s %-8s %-24s %8s %14s %12s%n",
                status.node(),
                status.tableVersion(),
                "NODE",
                "STATUS",
                "ADDRESS",
                "PHI",
                "GENERATION",
                "KEYS"));
    for (ClusterStatus.Member member : status.members()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %-8s %-24s %8.2f %14d %12d%n",
              member.id(),
              member.status(),
              member.address(),
              member.phi(),
              member.generation(),
              member.keys()));
    }
    return out.toString();
  }
}
