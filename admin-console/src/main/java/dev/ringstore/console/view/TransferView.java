package dev.ringstore.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot;

/**
 * The running transfer (docs/console.md, {@code GET /api/v1/transfer}), per receiving node with an
 * ETA: its pending buckets times the cluster's mean bytes per bucket-replica, over its current
 * rate. No rate yet, no ETA.
 */
public final class TransferView {
  private TransferView() {}

  public static ObjectNode of(ClusterSnapshot snapshot) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    JsonNode status = snapshot.configStatus();
    JsonNode transfer = status == null ? null : status.get("transfer");
    boolean running = transfer != null && !transfer.isNull();
    json.put("running", running);
    json.put("tableVersion", status == null ? 0 : status.path("tableVersion").asLong());
    if (running) {
      json.put("version", transfer.path("version").asLong())
          .put("moves", transfer.path("moves").asLong())
          .put("done", transfer.path("done").asLong());
    }
    double perBucket = meanBytesPerBucketReplica(snapshot);
    ArrayNode nodes = json.putArray("nodes");
    if (status != null) {
      for (JsonNode node : status.path("nodes")) {
        JsonNode t = node.path("transfer");
        long pending = t.path("pendingBuckets").asLong();
        double rate = t.path("bytesPerSecond").asDouble();
        ObjectNode n =
            nodes
                .addObject()
                .put("id", node.path("id").asText())
                .put("pendingBuckets", pending)
                .put("bytesMoved", t.path("bytesMoved").asLong())
                .put("bytesPerSecond", rate);
        if (pending > 0 && rate > 0) {
          n.put("etaSeconds", Math.round(pending * perBucket / rate));
        } else {
          n.putNull("etaSeconds");
        }
      }
    }
    return json;
  }

  private static double meanBytesPerBucketReplica(ClusterSnapshot snapshot) {
    if (snapshot.routing() == null || snapshot.configStatus() == null) {
      return 0;
    }
    long bytes = 0;
    for (JsonNode node : snapshot.configStatus().path("nodes")) {
      bytes += node.path("bytes").asLong();
    }
    var table = snapshot.routing().current();
    long replicas = (long) table.bucketCount() * table.settings().replicas();
    return replicas == 0 ? 0 : (double) bytes / replicas;
  }
}
