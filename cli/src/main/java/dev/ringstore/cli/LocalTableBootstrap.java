package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.cli.ConfigServiceConnection.ConfigRefusedException;
import dev.ringstore.cli.ConfigServiceConnection.ConfigUnreachableException;
import dev.ringstore.cli.LocalStart.StartFailure;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first table of a local cluster that has a config service: once every node has asked to join
 * (the config status lists it), a cluster without a table gets the join of all its nodes planned
 * and committed — table v1, as an operator would with {@code ringstore plan join} and {@code
 * ringstore commit}. A cluster that has a table already (a restart) is left as it is.
 */
final class LocalTableBootstrap {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private LocalTableBootstrap() {}

  /**
   * Returns the config status once every node has asked to join and the cluster has a table.
   *
   * @throws StartFailure when a process of the cluster exits meanwhile, or {@code timeout} passes
   */
  static JsonNode run(LocalCluster cluster, Duration timeout)
      throws StartFailure, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String waitingFor = "the config service to answer";
    String lastAnswer = null;
    try (ConfigServiceConnection service =
        ConfigServiceConnection.open(
            cluster.configAddresses(), CALL_TIMEOUT, cluster.adminSecurity())) {
      while (System.nanoTime() < deadline) {
        Optional<LocalServer> exited = cluster.exited();
        if (exited.isPresent()) {
          throw StartFailure.exited(exited.get());
        }
        try {
          JsonNode status = service.status();
          List<String> missing = notJoined(status, cluster.nodeIds());
          if (status.has("error")) {
            waitingFor = "a config leader (" + status.get("error").asText() + ")";
          } else if (!missing.isEmpty()) {
            waitingFor = String.join(", ", missing) + " to ask to join";
          } else if (status.path("tableVersion").asLong() > 0) {
            return status;
          } else {
            waitingFor = "the first table to be committed";
            service.plan(joinOf(cluster.nodeIds()));
            service.commit();
            continue;
          }
        } catch (ConfigRefusedException | ConfigUnreachableException e) {
          lastAnswer = e.getMessage();
        }
        Thread.sleep(POLL.toMillis());
      }
    }
    throw new StartFailure(
        "the cluster did not get its table within "
            + timeout.toSeconds()
            + "s: still waiting for "
            + waitingFor
            + (lastAnswer == null ? "" : " (last answer: " + lastAnswer + ")"));
  }

  private static List<String> notJoined(JsonNode status, List<String> ids) {
    List<String> known = new ArrayList<>();
    status.path("nodes").forEach(n -> known.add(n.path("id").asText()));
    return ids.stream().filter(id -> !known.contains(id)).toList();
  }

  private static PlanCommand joinOf(List<String> ids) {
    return PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addAllNodes(ids)).build();
  }
}
