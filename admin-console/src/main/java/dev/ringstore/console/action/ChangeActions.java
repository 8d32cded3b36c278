package dev.ringstore.console.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.console.http.ApiException;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.PlanReplace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Membership changes through the config service, as {@code ringstore plan} and {@code commit} make
 * them: a dry run first (moves, bytes, zone violations and an estimated time), then commit or
 * cancel. The estimate is the busiest receiver's bytes at the nodes' default transfer rate, {@value
 * #RECEIVER_BYTES_PER_SECOND} bytes/s each: the planner's byte figures come from the nodes' last
 * reports, so it is a guide, not a promise.
 */
public final class ChangeActions {
  static final long RECEIVER_BYTES_PER_SECOND = 16L << 20;

  private final ObjectMapper json = new ObjectMapper();
  private final ConfigClient config;

  public ChangeActions(ConfigClient config) {
    this.config = config;
  }

  /** Stages the change {@code body} asks for and answers the plan. */
  public JsonNode plan(JsonNode body) {
    String change = body.path("change").asText("");
    PlanCommand.Builder plan = PlanCommand.newBuilder();
    switch (change) {
      case "join" -> plan.setJoin(PlanJoin.newBuilder().addAllNodes(ids(body.path("nodes"))));
      case "leave" -> plan.setLeave(one(body, change));
      case "remove-dead" -> plan.setRemoveDead(one(body, change));
      case "replace" -> {
        String replacement = body.path("replacement").asText("").trim();
        if (replacement.isEmpty()) {
          throw ApiException.badRequest("replace needs \"replacement\": the new node's id");
        }
        plan.setReplace(
            PlanReplace.newBuilder().setOld(one(body, change)).setReplacement(replacement));
      }
      default ->
          throw ApiException.badRequest(
              "\"change\" must be join, leave, replace or remove-dead, not \"" + change + "\"");
    }
    ObjectNode answer = (ObjectNode) parse(await(config.plan(plan.build())));
    answer.put("estimatedSeconds", estimatedSeconds(answer));
    answer.put("estimateBytesPerSecond", RECEIVER_BYTES_PER_SECOND);
    return answer;
  }

  public JsonNode commit() {
    return parse(await(config.commit()));
  }

  public JsonNode cancel() {
    return parse(await(config.cancel()));
  }

  static long estimatedSeconds(JsonNode plan) {
    Map<String, Long> toReceiver = new HashMap<>();
    for (JsonNode move : plan.path("moves")) {
      if (!move.path("to").isNull()) {
        toReceiver.merge(move.path("to").asText(), move.path("estimatedBytes").asLong(), Long::sum);
      }
    }
    long busiest = toReceiver.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return (busiest + RECEIVER_BYTES_PER_SECOND - 1) / RECEIVER_BYTES_PER_SECOND;
  }

  private static List<String> ids(JsonNode nodes) {
    List<String> ids = new ArrayList<>();
    nodes.forEach(
        n -> {
          if (!n.asText("").isBlank()) {
            ids.add(n.asText().trim());
          }
        });
    return ids;
  }

  private static String one(JsonNode body, String change) {
    List<String> ids = ids(body.path("nodes"));
    if (ids.size() != 1) {
      throw ApiException.badRequest(change + " takes exactly one node in \"nodes\"");
    }
    return ids.get(0);
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new ApiException(502, "BAD_GATEWAY", "the config service answered unreadable JSON");
    }
  }

  private static <T> T await(CompletableFuture<T> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "UNAVAILABLE", "interrupted");
    } catch (ExecutionException e) {
      throw Failures.api(e.getCause());
    }
  }
}
