package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.NodeClient;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.RemoteConfigChannel;
import dev.ringstore.config.server.ConfigServer;
import dev.ringstore.console.ConsoleServer;
import dev.ringstore.console.ConsoleSettings;
import dev.ringstore.node.cluster.ConfigMembership;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.server.StorageNode;
import dev.ringstore.node.storage.Durability;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.RingShape;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's API (docs/console.md) as a node serves it, against a real one-replica config
 * service and three real nodes in this JVM (RocksDB, real sockets): the shapes the pages read, the
 * key inspector's resolve and delete, the dry run of a change, a stopped node named by the health
 * line, and every action refused without the token, with nothing changed.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "console-api-test-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<StorageNode> nodes = new ArrayList<>();
  private ConfigServer config;
  private String console;
  private InetSocketAddress n1;

  @BeforeAll
  void startACluster(@TempDir Path dir) throws Exception {
    ReplicaId c1 = ReplicaId.of("c1");
    config =
        ConfigServer.start(
            c1,
            Map.of(c1, new InetSocketAddress("127.0.0.1", NodeProcess.freePort())),
            dir.resolve("c1"),
            new InetSocketAddress("127.0.0.1", 0),
            RaftTimings.DEFAULT);
    ConfigMembership membership =
        new ConfigMembership(List.of(config.address()), null).withAdminToken(TOKEN);
    List<CompletableFuture<StorageNode>> starting = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      NodeConfig node =
          NodeConfig.defaults(
                  NodeId.of("n" + k),
                  new InetSocketAddress("127.0.0.1", NodeProcess.freePort()),
                  dir.resolve("n" + k))
              .withHttp(new InetSocketAddress("127.0.0.1", NodeProcess.freePort()))
              .withDurability(Durability.ASYNC)
              .withStorageThreads(2);
      starting.add(
          CompletableFuture.supplyAsync(
              () ->
                  StorageNode.start(node, InstantSource.system(), new SecureRandom(), membership)));
    }
    try (ConfigClient service =
        new ConfigClient(
            new RemoteConfigChannel(
                ProtocolClient.create(ProtocolLimits.defaults()),
                true,
                List.of(config.address()),
                Duration.ofSeconds(5)),
            InstantSource.system())) {
      awaitJoinRequests(service);
      service
          .plan(
              PlanCommand.newBuilder()
                  .setJoin(PlanJoin.getDefaultInstance())
                  .setShape(RingShape.newBuilder().setBuckets(64).setReplicas(3).setTokens(16))
                  .build())
          .join();
      service.commit().join();
    }
    for (CompletableFuture<StorageNode> node : starting) {
      nodes.add(node.join());
    }
    console = "http://" + HostPort.format(nodes.get(0).httpAddress().orElseThrow());
    n1 = nodes.get(0).address();
  }

  private static void awaitJoinRequests(ConfigClient service) throws Exception {
    for (int i = 0; i < 200; i++) {
      JsonNode status = JSON.readTree(service.status().join());
      if (status.path("nodes").size() == 3) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the nodes did not ask to join");
  }

  @AfterAll
  void stop() {
    nodes.forEach(StorageNode::close);
    config.close();
  }

  @Test
  @Order(1)
  void theOverviewTurnsHealthyAndEveryViewHasItsShape() throws Exception {
    JsonNode overview = await("/api/v1/overview", o -> o.get("healthy").asBoolean());
    assertThat(overview.get("summary").asText()).startsWith("healthy: 3 nodes up, table v");
    assertThat(overview.get("nodes").toString())
        .isEqualTo("{\"up\":3,\"down\":0,\"total\":3,\"joining\":[]}");

    JsonNode ring = get("/api/v1/ring");
    assertThat(ring.get("buckets").asInt()).isEqualTo(64);
    assertThat(ring.get("table")).hasSize(64);
    assertThat(ring.get("states")).allSatisfy(s -> assertThat(s.asText()).isEqualTo("ok"));
    assertThat(ring.get("shares")).hasSize(3);

    JsonNode members = get("/api/v1/members").get("members");
    assertThat(members).hasSize(3);
    for (JsonNode member : members) {
      assertThat(member.get("status").asText()).isEqualTo("up");
      assertThat(member.get("role").asText()).isEqualTo("member");
      assertThat(member.get("reachable").asBoolean()).isTrue();
      assertThat(member.get("generation").asLong()).isPositive();
    }

    JsonNode group = get("/api/v1/config");
    assertThat(group.get("leader").asText()).isEqualTo("c1");
    assertThat(group.get("replicas").get(0).get("state").asText()).isEqualTo("leader");
    assertThat(group.get("history").get(0).get("change").asText()).isEqualTo("join n1,n2,n3");

    assertThat(get("/api/v1/transfer").get("running").asBoolean()).isFalse();
  }

  @Test
  @Order(2)
  void theSameConsoleServesOnAPortOfItsOwn() throws Exception {
    try (ConsoleServer own =
        ConsoleServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            ConsoleSettings.of(List.of(config.address()), "another-token"))) {
      String base = "http://" + HostPort.format(own.address());
      JsonNode overview = JSON.readTree(getText(base + "/api/v1/overview"));
      assertThat(overview.get("healthy").asBoolean()).as("%s", overview).isTrue();
      assertThat(getText(base + "/console/")).contains("<html");
      HttpResponse<String> withNodeToken =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/cancel"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString(""))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withNodeToken.statusCode()).isEqualTo(401);
    }
  }

  private String getText(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  @Order(2)
  void siblingsAreShownOnEveryReplicaAndResolvedWithTheMergedContext() throws Exception {
    try (NodeClient client = NodeClient.connect(n1, Duration.ofSeconds(5))) {
      byte[] key = "cart".getBytes(StandardCharsets.UTF_8);
      client.put(key, "apple".getBytes(StandardCharsets.UTF_8), "");
      client.put(key, "pear".getBytes(StandardCharsets.UTF_8), ""); // concurrent: no context
    }
    JsonNode inspected =
        await("/api/v1/keys?key=cart", k -> siblingCounts(k).equals(List.of(2, 2, 2)));
    assertThat(inspected.get("differ").asBoolean()).isFalse();
    JsonNode sibling = inspected.get("replicas").get(0).get("siblings").get(0);
    assertThat(sibling.get("dot").asText()).contains("n");
    String context = inspected.get("context").asText();

    String body =
        JSON.createObjectNode()
            .put(
                "value",
                Base64.getEncoder().encodeToString("apple+pear".getBytes(StandardCharsets.UTF_8)))
            .put("context", context)
            .toString();
    assertThat(post("/api/v1/keys/resolve?key=cart", body, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/keys?key=cart").get("replicas").get(0).get("siblings")).hasSize(2);

    assertThat(post("/api/v1/keys/resolve?key=cart", body, TOKEN).statusCode()).isEqualTo(200);
    JsonNode resolved =
        await("/api/v1/keys?key=cart", k -> siblingCounts(k).equals(List.of(1, 1, 1)));
    for (JsonNode replica : resolved.get("replicas")) {
      assertThat(replica.get("siblings").get(0).get("text").asText()).isEqualTo("apple+pear");
    }

    String delete =
        JSON.createObjectNode().put("context", resolved.get("context").asText()).toString();
    assertThat(post("/api/v1/keys/delete?key=cart", delete, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/keys?key=cart").get("replicas").get(0).get("found").asBoolean())
        .isTrue();
    assertThat(post("/api/v1/keys/delete?key=cart", delete, TOKEN).statusCode()).isEqualTo(200);
    await(
        "/api/v1/keys?key=cart",
        k -> {
          for (JsonNode replica : k.get("replicas")) {
            if (replica.get("found").asBoolean()) {
              return false;
            }
          }
          return true;
        });
  }

  @Test
  @Order(3)
  void aChangeIsADryRunUntilCommittedAndNothingMovesWithoutTheToken() throws Exception {
    String leave = "{\"change\": \"leave\", \"nodes\": [\"n3\"]}";
    HttpResponse<String> refused = post("/api/v1/plan", leave, null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/config").get("staged").isNull()).isTrue();
    assertThat(post("/api/v1/commit", "", null).statusCode()).isEqualTo(401);

    HttpResponse<String> planned = post("/api/v1/plan", leave, TOKEN);
    assertThat(planned.statusCode()).isEqualTo(200);
    JsonNode plan = JSON.readTree(planned.body());
    assertThat(plan.get("change").asText()).isEqualTo("leave n3");
    assertThat(plan.get("moveCount").asInt()).isPositive();
    assertThat(plan.get("estimatedSeconds").asLong()).isNotNegative();
    assertThat(plan.get("replicasPerNode").has("n3")).isFalse();

    HttpResponse<String> cancelled = post("/api/v1/cancel", "", TOKEN);
    assertThat(JSON.readTree(cancelled.body()).get("cancelled").asBoolean()).isTrue();
    long version = get("/api/v1/ring").get("version").asLong();
    assertThat(post("/api/v1/commit", "", TOKEN).statusCode()).isEqualTo(400); // nothing staged
    assertThat(get("/api/v1/ring").get("version").asLong()).isEqualTo(version);
  }

  @Test
  @Order(4)
  void theMetricsHoldTheLastRequests() throws Exception {
    JsonNode metrics =
        await(
            "/api/v1/metrics",
            m -> {
              for (JsonNode sample : m.get("cluster")) {
                if (sample.path("opsPerSecond").path("put").asDouble() > 0) {
                  return true;
                }
              }
              return false;
            });
    assertThat(metrics.get("nodes").size()).isEqualTo(3);
    assertThat(metrics.get("intervalMillis").asLong()).isEqualTo(2000);
  }

  @Test
  @Order(5)
  void aStoppedNodeIsNamedAndItsBucketsMarked() throws Exception {
    nodes.remove(2).close();
    JsonNode overview =
        await("/api/v1/overview", o -> o.get("summary").asText().contains("n3 is down"));
    assertThat(overview.get("healthy").asBoolean()).isFalse();
    JsonNode ring = get("/api/v1/ring");
    assertThat(ring.get("down").toString()).isEqualTo("[\"n3\"]");
    assertThat(ring.get("states")).allSatisfy(s -> assertThat(s.asText()).isEqualTo("fallback"));
  }

  private static List<Integer> siblingCounts(JsonNode key) {
    List<Integer> counts = new ArrayList<>();
    key.get("replicas").forEach(r -> counts.add(r.get("siblings").size()));
    return counts;
  }

  private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
    JsonNode last = null;
    for (int i = 0; i < 150; i++) {
      last = get(path);
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(path + " never met the condition; last: " + last);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(console + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(console + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
