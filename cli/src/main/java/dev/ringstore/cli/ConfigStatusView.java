package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The config service's part of {@code ringstore status}: its Raft group (leader, term, replicas),
 * each node's role and incoming transfer, and the running transfer's progress.
 */
final class ConfigStatusView {
  private ConfigStatusView() {}

  /**
   * Adds {@code config} ({@code {"leader", "term", "replicas"}}, null when the service did not
   * answer), {@code transfer} (null when none runs) and, per member, {@code role} and {@code
   * transfer} to a node's status JSON.
   */
  static void addTo(ObjectNode json, ConfigServiceStatus service) {
    if (!service.answered()) {
      json.putNull("config");
      return;
    }
    JsonNode status = service.status();
    JsonNode group = status.path("config");
    ObjectNode config = json.putObject("config");
    config.set("leader", group.path("leader").isTextual() ? group.get("leader") : null);
    config.put("term", group.path("term").asLong());
    config.putArray("replicas").addAll(replicas(group));
    for (JsonNode member : json.path("members")) {
      JsonNode node = service.node(member.path("id").asText());
      if (!node.isMissingNode()) {
        ((ObjectNode) member).put("role", node.path("status").asText());
        if (node.has("transfer")) {
          ((ObjectNode) member).set("transfer", node.get("transfer"));
        }
      }
    }
    if (status.has("transfer")) {
      json.set("transfer", status.get("transfer"));
    }
  }

  /** The human lines: the group, a table of nodes as the service knows them, the transfer. */
  static String text(ConfigServiceStatus service, Instant now) {
    if (!service.answered()) {
      return "warning: " + service.problem() + "\n";
    }
    JsonNode status = service.status();
    JsonNode group = status.path("config");
    String replicas = String.join(" ", replicas(group).stream().map(JsonNode::asText).toList());
    StringBuilder out = new StringBuilder();
    if (group.path("leader").isTextual()) {
      out.append(
          String.format(
              "config service: leader %s, term %d, replicas %s%n",
              group.get("leader").asText(), group.path("term").asLong(), replicas));
    } else {
      out.append(
          String.format(
              "config service: no leader (term %d, replicas %s)%s%n",
              group.path("term").asLong(),
              replicas,
              status.has("error") ? ": " + status.get("error").asText() : ""));
      return out.toString();
    }
    out.append(
        String.format(
            "%-12s %-8s %6s %8s %12s %12s%n", "NODE", "ROLE", "TABLE", "PENDING", "MOVED", "RATE"));
    for (JsonNode node : status.path("nodes")) {
      JsonNode transfer = node.path("transfer");
      double rate = transfer.path("bytesPerSecond").asDouble();
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %-8s %6s %8d %12s %12s%n",
              node.path("id").asText(),
              node.path("status").asText(),
              node.has("tableVersion") ? "v" + node.get("tableVersion").asLong() : "-",
              transfer.path("pendingBuckets").asLong(),
              ByteSize.format(transfer.path("bytesMoved").asLong()),
              rate > 0 ? ByteSize.format(rate) + "/s" : "-"));
    }
    if (status.path("transfer").isObject()) {
      out.append(TransferView.line(status, now)).append('\n');
    } else {
      out.append("no transfer running\n");
    }
    return out.toString();
  }

  private static List<JsonNode> replicas(JsonNode group) {
    List<JsonNode> replicas = new ArrayList<>();
    group.path("replicas").forEach(replicas::add);
    return replicas;
  }
}
