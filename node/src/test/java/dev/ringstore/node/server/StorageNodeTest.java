package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.VersionVector;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.DeleteRequest;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node (RocksDB in a temp dir, real loopback sockets) against bad input: every oversize or
 * malformed request gets a typed error, the connection stays usable, and nothing is stored.
 */
@Timeout(120)
class StorageNodeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path data;
  private StorageNode node;
  private ProtocolClient protocol;
  private Connection connection;

  @BeforeEach
  void start() {
    NodeConfig config =
        NodeConfig.defaults(NodeId.of("n1"), new InetSocketAddress("127.0.0.1", 0), data)
            .withHttp(new InetSocketAddress("127.0.0.1", 0))
            .withLimits(new RequestLimits(1024, 64 * 1024, 5, 3));
    node = StorageNode.start(config);
    protocol = ProtocolClient.create(ProtocolLimits.defaults());
    connection = protocol.connect(node.address(), TIMEOUT).join();
  }

  /** Replaces the node by one on a fresh data directory with {@code limits}. */
  private void restartWith(RequestLimits limits) {
    stop();
    node =
        StorageNode.start(
            NodeConfig.defaults(
                    NodeId.of("n1"), new InetSocketAddress("127.0.0.1", 0), data.resolve("other"))
                .withLimits(limits));
    protocol = ProtocolClient.create(ProtocolLimits.defaults());
    connection = protocol.connect(node.address(), TIMEOUT).join();
  }

  @AfterEach
  void stop() {
    connection.close();
    protocol.close();
    node.close();
  }

  private Response send(Request request) {
    return connection.send(request, TIMEOUT).join();
  }

  private static Request put(byte[] key, byte[] value) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFrom(key))
                .setValue(ByteString.copyFrom(value)))
        .build();
  }

  private static Request get(byte[] key) {
    return Request.newBuilder()
        .setGet(GetRequest.newBuilder().setKey(ByteString.copyFrom(key)))
        .build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertStillServes() {
    Response ok = send(put(utf8("probe"), utf8("fine")));
    assertThat(ok.hasError()).as("connection usable after the bad request").isFalse();
  }

  @Test
  void putThenGetRoundTripsWithContextSupersedingAndSiblingsWithout() {
    send(put(utf8("k"), utf8("v1")));
    send(put(utf8("k"), utf8("v2")));
    Response read = send(get(utf8("k")));
    assertThat(read.getGet().getValuesList()).hasSize(2);

    Response replaced =
        send(
            Request.newBuilder()
                .setPut(
                    PutRequest.newBuilder()
                        .setKey(ByteString.copyFrom(utf8("k")))
                        .setValue(ByteString.copyFrom(utf8("v3")))
                        .setContext(read.getGet().getContext()))
                .build());
    assertThat(replaced.hasError()).isFalse();
    assertThat(send(get(utf8("k"))).getGet().getValuesList())
        .containsExactly(ByteString.copyFrom(utf8("v3")));
  }

  @Test
  void oversizeKeyAndValueGetTooLargeAndNothingIsStored() {
    Response key = send(put(new byte[1025], utf8("v")));
    assertThat(key.getError().getCode()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(key.getError().getMessage()).contains("1025 bytes").contains("1024");

    Response value = send(put(utf8("big"), new byte[64 * 1024 + 1]));
    assertThat(value.getError().getCode()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(send(get(utf8("big"))).getGet().getFound()).isFalse();
    assertStillServes();
  }

  @Test
  void emptyKeyBadContextAndMissingOperationAreBadRequests() {
    assertThat(send(put(new byte[0], utf8("v"))).getError().getCode())
        .isEqualTo(ErrorCode.BAD_REQUEST);
    Response badContext =
        send(
            Request.newBuilder()
                .setPut(
                    PutRequest.newBuilder()
                        .setKey(ByteString.copyFrom(utf8("k")))
                        .setValue(ByteString.copyFrom(utf8("v")))
                        .setContext(ByteString.copyFrom(new byte[] {9, 9, 9})))
                .build());
    assertThat(badContext.getError().getCode()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(badContext.getError().getMessage()).startsWith("bad context");
    assertThat(send(get(utf8("k"))).getGet().getFound()).isFalse();
    assertThat(send(Request.getDefaultInstance()).getError().getCode())
        .isEqualTo(ErrorCode.BAD_REQUEST);
    assertStillServes();
  }

  @Test
  void contextsNoReadCouldReturnAreBadRequestsAndTheKeyStaysWritable() {
    send(put(utf8("k"), utf8("v1")));
    ByteString read = send(get(utf8("k"))).getGet().getContext();
    ActorId self = CausalContext.fromBytes(read.toByteArray()).versionVector().actors().get(0);
    ActorId other = new ActorId(NodeId.of("n9"), 7);
    Map<ActorId, Long> manyActors = new HashMap<>();
    for (int i = 0; i <= RequestLimits.MAX_CONTEXT_ACTORS; i++) {
      manyActors.put(new ActorId(NodeId.of("n" + i), i), 1L);
    }

    Map<String, ByteString> forged = new LinkedHashMap<>();
    forged.put("own counter at 2^63-1", context(Map.of(self, Long.MAX_VALUE)));
    forged.put("counter over 2^62", context(Map.of(other, (1L << 62) + 1)));
    forged.put("1025 actors", context(manyActors));
    forged.put("over 128 KiB", ByteString.copyFrom(new byte[RequestLimits.MAX_CONTEXT_BYTES + 1]));
    forged.forEach(
        (what, context) -> {
          Response refused = send(putWithContext(utf8("k"), utf8("forged"), context));
          assertThat(refused.getError().getCode()).as(what).isEqualTo(ErrorCode.BAD_REQUEST);
          assertThat(refused.getError().getMessage()).as(what).startsWith("bad context");
        });

    assertThat(send(get(utf8("k"))).getGet().getValuesList())
        .containsExactly(ByteString.copyFrom(utf8("v1")));
    Response atTheLimit =
        send(putWithContext(utf8("k"), utf8("v2"), context(Map.of(other, 1L << 62))));
    assertThat(atTheLimit.hasError()).as("a counter of exactly 2^62 is accepted").isFalse();
    Response next =
        send(putWithContext(utf8("k"), utf8("v3"), send(get(utf8("k"))).getGet().getContext()));
    assertThat(next.hasError()).isFalse();
    assertThat(send(get(utf8("k"))).getGet().getValuesList())
        .containsExactly(ByteString.copyFrom(utf8("v3")));
  }

  @Test
  void aWriteThatWouldMakeTheKeyTooLargeToSendIsRefusedAndTheKeyStaysReadable() {
    restartWith(RequestLimits.DEFAULTS);
    byte[] big = new byte[5_000_000];
    Response first = send(put(utf8("large"), big));
    assertThat(first.hasError()).as(first.getError().getMessage()).isFalse();

    Response refused = send(put(utf8("large"), big));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(refused.getError().getMessage()).contains("2 siblings", "head read", "delete");

    Response read = send(get(utf8("large")));
    assertThat(read.hasError()).as("read: %s", read.getError().getMessage()).isFalse();
    assertThat(read.getGet().getValuesList()).hasSize(1);
    Response head =
        send(
            Request.newBuilder()
                .setGet(
                    GetRequest.newBuilder()
                        .setKey(ByteString.copyFrom(utf8("large")))
                        .setHead(true))
                .build());
    assertThat(head.getGet().getValueSizesList()).containsExactly((long) big.length);
    assertThat(head.getGet().getValuesList()).isEmpty();
    Response deleted =
        send(
            Request.newBuilder()
                .setDelete(
                    DeleteRequest.newBuilder()
                        .setKey(ByteString.copyFrom(utf8("large")))
                        .setContext(head.getGet().getContext()))
                .build());
    assertThat(deleted.hasError()).isFalse();
    assertThat(send(get(utf8("large"))).getGet().getFound()).isFalse();
  }

  private static ByteString context(Map<ActorId, Long> counters) {
    return ByteString.copyFrom(CausalContext.of(VersionVector.of(counters)).toBytes());
  }

  private static Request putWithContext(byte[] key, byte[] value, ByteString context) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFrom(key))
                .setValue(ByteString.copyFrom(value))
                .setContext(context))
        .build();
  }

  @Test
  void aWriteOverTheSiblingLimitIsRejectedAndStoresNothing() {
    for (int i = 0; i < 5; i++) {
      assertThat(send(put(utf8("hot"), utf8("v" + i))).hasError()).isFalse();
    }
    Response sixth = send(put(utf8("hot"), utf8("v5")));
    assertThat(sixth.getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_SIBLINGS);
    assertThat(send(get(utf8("hot"))).getGet().getValuesList()).hasSize(5);
  }

  @Test
  void aTruncatedFrameAndRandomGarbageNeitherStoreNorBreakTheNode() throws Exception {
    try (Socket raw = new Socket("127.0.0.1", node.address().getPort())) {
      OutputStream out = raw.getOutputStream();
      // A request header promising 100 body bytes, then 10 of them, then the connection closes.
      ByteBuffer header =
          ByteBuffer.allocate(14).put((byte) 0x52).put((byte) 1).putLong(7).putInt(100);
      out.write(header.array());
      out.write(new byte[10]);
      out.flush();
    }
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    try (Socket raw = new Socket("127.0.0.1", node.address().getPort())) {
      raw.setSoTimeout(5_000);
      raw.getOutputStream().write(garbage);
      raw.getOutputStream().flush();
      InputStream in = raw.getInputStream();
      in.readAllBytes(); // the node answers with a protocol error and closes, or just closes
    } catch (java.net.SocketException reset) {
      // a reset is an acceptable way to refuse a stream of garbage
    }
    assertStillServes();
    assertThat(send(get(utf8("k"))).getGet().getFound()).isFalse();
  }

  @Test
  void healthAndPrometheusMetricsAreServedOverHttp() throws Exception {
    send(put(utf8("k"), utf8("v")));
    send(get(utf8("k")));
    send(put(new byte[2000], utf8("v")));
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort();

    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"status\":\"up\"")
        .contains("\"node\":\"n1\"")
        .contains("\"members\":1")
        .contains("\"unreachable\":[]");

    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("ringstore_requests_seconds_count{")
        .contains("op=\"put\"")
        .contains("quantile=\"0.99\"")
        .contains("ringstore_errors_total{code=\"TOO_LARGE\"")
        .contains("ringstore_storage_keys{node=\"n1\"}");
  }

  @Test
  void aRestartedNodeServesWhatItStored() {
    send(put(utf8("kept"), utf8("yes")));
    NodeConfig config = node.config();
    connection.close();
    node.close();
    node = StorageNode.start(config);
    connection = protocol.connect(node.address(), TIMEOUT).join();
    assertThat(send(get(utf8("kept"))).getGet().getValuesList())
        .containsExactly(ByteString.copyFrom(utf8("yes")));
  }

  @Test
  void aClientErrorSurfacesAsTheTypedException() {
    Response error = send(put(new byte[0], utf8("v")));
    assertThatThrownBy(() -> RingstoreException.requireOk(error))
        .isInstanceOf(RingstoreException.class)
        .hasMessageContaining("key must not be empty");
  }
}
