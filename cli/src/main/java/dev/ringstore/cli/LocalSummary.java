package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.node.server.AdminTokenFile;
import dev.ringstore.node.storage.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code ringstore local} prints once every process serves: where they are, what to type. */
final class LocalSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalSummary() {}

  /**
   * @param dir the cluster's directory, absolute
   * @param given the directory as the user gave it, for example commands
   * @param config the config service's status once the cluster had its table; null without one
   */
  static String of(
      Path dir,
      Path given,
      Durability durability,
      LocalClusterFile cluster,
      JsonNode config,
      String console) {
    List<LocalProcess> nodes = cluster.nodes();
    List<LocalProcess> replicas = cluster.configReplicas();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "local cluster of %d node%s%s in %s, durability %s%s%n",
            nodes.size(),
            nodes.size() == 1 ? "" : "s",
            replicas.isEmpty()
                ? " (static --peers, no config service)"
                : String.format(
                    " and %d config replica%s", replicas.size(), replicas.size() == 1 ? "" : "s"),
            dir,
            durability.name().toLowerCase(Locale.ROOT),
            cluster.certs() == null
                ? ""
                : ", TLS on every port (certificates in " + cluster.certs() + ")"));
    for (LocalProcess node : nodes) {
      out.append(
          String.format(
              "  %-4s listen %-16s http %-16s pid %-8d log %s%n",
              node.id(),
              node.listen(),
              node.http(),
              node.pid(),
              Path.of(node.data()).resolve(LocalNode.LOG)));
    }
    for (LocalProcess replica : replicas) {
      out.append(
          String.format(
              "  %-4s listen %-16s raft %-16s pid %-8d log %s%n",
              replica.id(),
              replica.listen(),
              replica.raft(),
              replica.pid(),
              Path.of(replica.data()).resolve(LocalConfigReplica.LOG)));
    }
    String data = given.equals(Path.of(LocalClusterFile.DEFAULT_DIR)) ? "" : " --data " + given;
    if (config != null) {
      out.append(table(config, data));
    }
    if (console != null) {
      out.append(String.format("console %s%n", console));
      out.append(
          String.format(
              "  (the part after #token= is the admin token for the console's actions; also in %s)%n",
              dir.resolve(AdminTokenFile.FILE)));
    }
    String first = nodes.get(0).listen();
    out.append(String.format("wrote %s%n%n", dir.resolve(LocalClusterFile.NAME)));
    out.append(
        String.format(
            "Talk to it from this directory (without --via, commands find it through %s):%n",
            given.resolve(LocalClusterFile.NAME)));
    out.append(String.format("  ringstore put greeting hello%s%n", data));
    out.append(String.format("  ringstore get greeting%s --json%n", data));
    out.append(String.format("  ringstore inspect greeting%s%n", data));
    String tls =
        cluster.certs() == null
            ? ""
            : String.format(
                " --ca %1$s/ca.crt --cert %1$s/admin.crt --key %1$s/admin.key",
                given.resolve(LocalCertificates.DIR));
    out.append(String.format("  ringstore get greeting --via %s --r 3%s%n", first, tls));
    if (!replicas.isEmpty()) {
      out.append(String.format("  ringstore status%s%n", data));
      out.append(String.format("  ringstore ring%s%n", data));
    }
    out.append(
        "Ctrl-C stops every process; run this again on the same directory to restart them.\n");
    return out.toString();
  }

  /**
   * The same as one JSON object: local-cluster.json's {@code processes}, and {@code data}, {@code
   * durability}, {@code tableVersion} and {@code configLeader} (null without a config service or a
   * leader), {@code joining} (nodes that asked to join but are in no table).
   */
  static ObjectNode json(
      Path dir, Durability durability, LocalClusterFile cluster, JsonNode config, String console)
      throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("console", console);
    json.put("data", dir.toString());
    json.put("durability", durability.name().toLowerCase(Locale.ROOT));
    json.set("processes", JSON.readTree(cluster.toJson()).get("processes"));
    if (config == null) {
      json.putNull("tableVersion");
      json.putNull("configLeader");
    } else {
      json.put("tableVersion", config.path("tableVersion").asLong());
      JsonNode leader = config.path("config").path("leader");
      if (leader.isTextual()) {
        json.put("configLeader", leader.asText());
      } else {
        json.putNull("configLeader");
      }
    }
    ArrayNode joining = json.putArray("joining");
    joining(config).forEach(joining::add);
    return json;
  }

  private static List<String> joining(JsonNode config) {
    List<String> joining = new ArrayList<>();
    if (config != null) {
      config
          .path("nodes")
          .forEach(
              n -> {
                if ("joining".equals(n.path("status").asText())) {
                  joining.add(n.path("id").asText());
                }
              });
    }
    return joining;
  }

  /** "table v1, config leader c2", and which nodes still wait to be planned in. */
  private static String table(JsonNode config, String data) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "table v%d, config leader %s%n",
                config.path("tableVersion").asLong(),
                config.path("config").path("leader").asText("none")));
    List<String> joining = joining(config);
    if (!joining.isEmpty()) {
      String ids = String.join(" ", joining);
      out.append(
          String.format(
              "%s asked to join but %s in no table yet: `ringstore plan join %s%s`, then"
                  + " `ringstore commit%s`%n",
              ids, joining.size() == 1 ? "is" : "are", ids, data, data));
    }
    return out.toString();
  }
}
