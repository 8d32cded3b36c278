package dev.ringstore.console.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.config.client.Routing;
import java.util.List;
import java.util.Map;

/**
 * The cluster as the console last gathered it: the config service's status, each config replica's
 * own answer, the routing table, and every node's own report.
 *
 * @param atMillis when the gathering finished
 * @param configStatus the service's status JSON (docs/config-service.md); null when no replica
 *     answered
 * @param configProblem why the service did not answer; null when it did
 * @param replicas each config replica as the console reached it, in the order given
 * @param routing the newest table, null before the cluster has one
 * @param reports each node's report by node id, for the nodes the config service knows
 */
public record ClusterSnapshot(
    long atMillis,
    JsonNode configStatus,
    String configProblem,
    List<ReplicaState> replicas,
    Routing routing,
    Map<String, NodeReport> reports) {
  public ClusterSnapshot {
    replicas = List.copyOf(replicas);
    reports = Map.copyOf(reports);
  }

  /**
   * One config replica as the console reached it.
   *
   * @param address the client address asked
   * @param id the replica's id, null when it did not answer
   * @param state leader, follower, or unreachable
   * @param term the Raft term it reported, 0 when it did not answer
   * @param problem why it did not answer, null when it did
   */
  public record ReplicaState(String address, String id, String state, long term, String problem) {}

  /**
   * What a node's HTTP port answered to {@code GET /api/v1/node}.
   *
   * @param id the node
   * @param http the HTTP address asked, null when the node registered none
   * @param report the report, null when it did not answer
   * @param problem why it did not answer, null when it did
   */
  public record NodeReport(String id, String http, JsonNode report, String problem) {
    public boolean reachable() {
      return report != null;
    }
  }
}
