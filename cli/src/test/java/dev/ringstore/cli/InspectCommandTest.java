package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.ringstore.protocol.v1.InspectResponse;
import dev.ringstore.protocol.v1.ReplicaView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ringstore inspect}: the JSON shape and the table, replicas found, missing, unreachable.
 */
@Timeout(60)
class InspectCommandTest {
  private final FakeNode node = new FakeNode();

  @BeforeEach
  void answer() {
    node.answerInspectWith(
        InspectResponse.newBuilder()
            .setBucket(517)
            .addPreference("n2")
            .addPreference("n3")
            .addPreference("n1")
            .addReplicas(
                ReplicaView.newBuilder()
                    .setNode("n2")
                    .setReachable(true)
                    .setFound(true)
                    .addValues(ByteString.copyFromUtf8("hello"))
                    .addValues(ByteString.copyFromUtf8("hi"))
                    .setClock("{n2#1: 2}"))
            .addReplicas(ReplicaView.newBuilder().setNode("n3").setReachable(true))
            .addReplicas(
                ReplicaView.newBuilder()
                    .setNode("n1")
                    .setError("UNAVAILABLE: cannot connect to 127.0.0.1:7201"))
            .build());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void jsonShowsEveryReplica() throws Exception {
    CommandRun result =
        CommandRun.of("inspect", "greeting", "--json", "--timeout", "1s", "--via", node.hostPort());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(node.received().get(0).getInspect().getTimeoutMs()).isEqualTo(1000);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(fieldNames(json)).containsExactly("key", "bucket", "preference", "replicas");
    assertThat(json.get("key").asText()).isEqualTo("greeting");
    assertThat(json.get("bucket").asInt()).isEqualTo(517);
    assertThat(json.get("preference").toString()).isEqualTo("[\"n2\",\"n3\",\"n1\"]");
    JsonNode n2 = json.get("replicas").get(0);
    assertThat(fieldNames(n2)).containsExactly("node", "found", "values", "context", "clock");
    assertThat(n2.get("values").toString()).isEqualTo("[\"hello\",\"hi\"]");
    assertThat(n2.get("clock").asText()).isEqualTo("{n2#1: 2}");
    assertThat(json.get("replicas").get(1).get("found").asBoolean()).isFalse();
    JsonNode n1 = json.get("replicas").get(2);
    assertThat(fieldNames(n1)).containsExactly("node", "reachable", "error");
    assertThat(n1.get("reachable").asBoolean()).isFalse();
  }

  @Test
  void humanOutputIsATable() {
    CommandRun result = CommandRun.of("inspect", "greeting", "--via", node.hostPort());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "key greeting: bucket 517, preference n2, n3, n1",
            "NODE  FOUND  CLOCK      VALUES",
            "n2    yes    {n2#1: 2}  \"hello\", \"hi\"",
            "n3    no     -",
            "n1    ?      -          unreachable: UNAVAILABLE: cannot connect to 127.0.0.1:7201");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
