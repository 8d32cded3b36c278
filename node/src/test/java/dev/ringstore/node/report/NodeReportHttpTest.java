package dev.ringstore.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.server.StorageNode;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node (RocksDB, loopback sockets, its HTTP port) whose only peer never starts: its report
 * shows who it is, the hints it holds for that peer, that it never exchanged with it, and the
 * requests made (writes with w=1, so that they succeed and leave a hint each).
 */
@Timeout(120)
class NodeReportHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");

  @TempDir Path data;
  private StorageNode node;
  private ProtocolClient protocol;
  private Connection connection;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws IOException {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    peers.put(N1, new InetSocketAddress("127.0.0.1", freePort()));
    peers.put(N2, new InetSocketAddress("127.0.0.1", freePort())); // never starts
    node =
        StorageNode.start(
            NodeConfig.defaults(N1, peers.get(N1), data)
                .withHttp(new InetSocketAddress("127.0.0.1", 0))
                .withCluster(ClusterSettings.ofPeers(peers)));
    protocol = ProtocolClient.create(ProtocolLimits.defaults());
    connection = protocol.connect(node.address(), TIMEOUT).join();
  }

  @AfterEach
  void stop() {
    connection.close();
    protocol.close();
    node.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private Response send(Request request) {
    return connection.send(request, TIMEOUT).join();
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> getHttp(String path) throws Exception {
    String base = "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort();
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = getHttp(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    return json.readTree(response.body());
  }

  /** Asks for {@code path} until its answer satisfies {@code done} (the node samples every 2 s). */
  private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode answer = getJson(path);
    while (!done.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = getJson(path);
    }
    return answer;
  }

  /** What the samples account for of one rate (per op, or null): each rate times its step. */
  private static double total(JsonNode metrics, String field, String op) {
    double total = 0;
    for (JsonNode sample : metrics.get("samples")) {
      JsonNode rate = op == null ? sample.get(field) : sample.get(field).path(op);
      total += rate.asDouble() * 2;
    }
    return total;
  }

  @Test
  void theReportShowsTheNodeItsPeerItsHintsAndTheRequestsMade() throws Exception {
    for (int i = 0; i < 10; i++) {
      send(
          Request.newBuilder()
              .setPut(
                  PutRequest.newBuilder()
                      .setKey(utf8("k" + i))
                      .setValue(utf8("v"))
                      .setOptions(RequestOptions.newBuilder().setW(1)))
              .build());
    }
    for (int i = 0; i < 4; i++) {
      send(
          Request.newBuilder()
              .setGet(
                  GetRequest.newBuilder()
                      .setKey(utf8("k" + i))
                      .setOptions(RequestOptions.newBuilder().setR(1)))
              .build());
    }
    send(Request.newBuilder().setPut(PutRequest.newBuilder().setValue(utf8("v"))).build());

    JsonNode metrics =
        await("/api/v1/node/metrics", m -> Math.round(total(m, "opsPerSecond", "put")) >= 11);
    assertThat(metrics.get("intervalMillis").asLong()).isEqualTo(2000);
    assertThat(total(metrics, "opsPerSecond", "put")).isCloseTo(11, within(0.5));
    assertThat(total(metrics, "opsPerSecond", "get")).isCloseTo(4, within(0.5));
    assertThat(total(metrics, "opsPerSecond", "delete")).isZero();
    assertThat(total(metrics, "errorsPerSecond", "BAD_REQUEST")).isCloseTo(1, within(0.1));
    assertThat(metrics.findValues("errorsPerSecond"))
        .as("only the codes that occurred")
        .allSatisfy(
            errors -> assertThat(errors.fieldNames()).toIterable().isSubsetOf("BAD_REQUEST"));
    assertThat(total(metrics, "hintsStoredPerSecond", null)).isCloseTo(10, within(0.5));
    JsonNode sample = metrics.get("samples").get(0);
    assertThat(sample.fieldNames())
        .toIterable()
        .containsExactly(
            "atMillis",
            "opsPerSecond",
            "p50Millis",
            "p99Millis",
            "errorsPerSecond",
            "hintsStoredPerSecond",
            "hintsReplayedPerSecond",
            "repairsPerSecond");

    JsonNode report = await("/api/v1/node", r -> r.at("/members/0/phiHistory").size() > 0);
    assertThat(report.get("id").asText()).isEqualTo("n1");
    assertThat(report.get("address").asText()).isEqualTo("127.0.0.1:" + node.address().getPort());
    assertThat(report.get("http").asText())
        .isEqualTo("127.0.0.1:" + node.httpAddress().orElseThrow().getPort());
    assertThat(report.get("zone").isNull()).isTrue();
    assertThat(report.get("generation").asLong()).isPositive();
    assertThat(report.get("tableVersion").isIntegralNumber()).isTrue();
    assertThat(report.get("keys").isIntegralNumber()).isTrue();
    assertThat(report.get("bytes").isIntegralNumber()).isTrue();
    JsonNode self = report.get("members").get(0);
    assertThat(self.get("id").asText()).isEqualTo("n1");
    assertThat(self.get("status").asText()).isEqualTo("up");
    assertThat(self.get("phi").asDouble()).isZero();
    assertThat(self.get("heartbeat").isIntegralNumber()).isTrue();
    assertThat(self.get("phiHistory").get(0).asDouble()).isZero();
    assertThat(report.get("hints")).hasSize(1);
    assertThat(report.at("/hints/0/target").asText()).isEqualTo("n2");
    assertThat(report.at("/hints/0/count").asLong()).as("one per key written").isEqualTo(10);
    assertThat(report.at("/hints/0/bytes").asLong()).isPositive();
    assertThat(report.at("/antiEntropy/lastExchangeMillis").has("n2")).isTrue();
    assertThat(report.at("/antiEntropy/lastExchangeMillis/n2").isNull()).isTrue();
    assertThat(report.at("/antiEntropy/keysRepaired").asLong()).isZero();
    assertThat(report.at("/transfer/pendingBuckets").asInt()).isZero();
    assertThat(report.at("/transfer/bytesMoved").asLong()).isZero();
  }
}
