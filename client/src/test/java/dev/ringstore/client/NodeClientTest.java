package dev.ringstore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ProtocolServer;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.DeleteResponse;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetResponse;
import dev.ringstore.protocol.v1.InspectResponse;
import dev.ringstore.protocol.v1.PutResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link NodeClient} puts on the wire for each option, against a recording fake node. */
@Timeout(60)
class NodeClientTest {
  private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
  private ProtocolServer server;
  private NodeClient client;

  @BeforeEach
  void start() {
    server =
        ProtocolServer.start(
            new InetSocketAddress("127.0.0.1", 0), this::answer, ProtocolLimits.defaults());
    client = NodeClient.connect(server.localAddress(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private CompletableFuture<Response> answer(Request request) {
    received.add(request);
    Response.Builder response = Response.newBuilder();
    switch (request.getOpCase()) {
      case GET -> response.setGet(GetResponse.getDefaultInstance());
      case PUT -> response.setPut(PutResponse.getDefaultInstance());
      case DELETE -> response.setDelete(DeleteResponse.getDefaultInstance());
      case INSPECT -> response.setInspect(inspectAnswer());
      default -> {
        return new CompletableFuture<>(); // never answers: lets a test time out
      }
    }
    if (request.getGet().getKey().toStringUtf8().equals("silent")) {
      return new CompletableFuture<>();
    }
    return CompletableFuture.completedFuture(response.build());
  }

  private static InspectResponse inspectAnswer() {
    return InspectResponse.newBuilder()
        .setBucket(517)
        .addPreference("n2")
        .addPreference("n3")
        .addReplicas(
            dev.ringstore.protocol.v1.ReplicaView.newBuilder()
                .setNode("n2")
                .setReachable(true)
                .setFound(true)
                .addValues(ByteString.copyFromUtf8("hello"))
                .setClock("{n2#1: 1}"))
        .addReplicas(
            dev.ringstore.protocol.v1.ReplicaView.newBuilder()
                .setNode("n3")
                .setError("UNAVAILABLE: connection refused"))
        .build();
  }

  @Test
  void aGetWithOptionsCarriesThemAndOneWithoutCarriesNone() throws Exception {
    client.get(bytes("k"), ReadOptions.defaults().withR(3).withSloppy(false));
    client.get(bytes("k"));

    Request withOptions = received.take();
    assertThat(withOptions.getGet().getOptions().getR()).isEqualTo(3);
    assertThat(withOptions.getGet().getOptions().hasSloppy()).isTrue();
    assertThat(received.take().getGet().hasOptions()).isFalse();
  }

  @Test
  void putAndDeleteCarryWriteOptions() throws Exception {
    WriteOptions options = WriteOptions.defaults().withW(1).withTimeout(Duration.ofSeconds(2));
    client.put(bytes("k"), bytes("v"), null, options.withReturnBody(true));
    client.delete(bytes("k"), null, options.withReturnBody(true));

    Request put = received.take();
    assertThat(put.getPut().getOptions().getW()).isEqualTo(1);
    assertThat(put.getPut().getOptions().getTimeoutMs()).isEqualTo(2000);
    assertThat(put.getPut().getOptions().getReturnBody()).isTrue();
    Request delete = received.take();
    assertThat(delete.getDelete().getOptions().getW()).isEqualTo(1);
    assertThat(delete.getDelete().getOptions().getReturnBody()).isFalse();
  }

  @Test
  void inspectMapsEveryReplicasView() throws Exception {
    InspectResult result = client.inspect(bytes("greeting"), Duration.ofSeconds(1));

    Request request = received.take();
    assertThat(request.getInspect().getKey().toStringUtf8()).isEqualTo("greeting");
    assertThat(request.getInspect().getTimeoutMs()).isEqualTo(1000);
    assertThat(result.bucket()).isEqualTo(517);
    assertThat(result.preference()).containsExactly("n2", "n3");
    ReplicaView n2 = result.replicas().get(0);
    assertThat(n2.reachable()).isTrue();
    assertThat(n2.found()).isTrue();
    assertThat(new String(n2.values().get(0), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(n2.context()).isEqualTo(CausalContext.EMPTY.encode());
    assertThat(n2.clock()).isEqualTo("{n2#1: 1}");
    ReplicaView n3 = result.replicas().get(1);
    assertThat(n3.reachable()).isFalse();
    assertThat(n3.error()).contains("connection refused");
    assertThat(n3.context()).isEmpty();
  }

  @Test
  void theClientWaitsTheRequestsTimeoutPlusTheMargin() {
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                client.get(
                    bytes("silent"), ReadOptions.defaults().withTimeout(Duration.ofMillis(100))))
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertThat(waited).isBetween(Duration.ofMillis(550), Duration.ofSeconds(4));
    assertThat(client.replyWait(Duration.ZERO)).isEqualTo(Duration.ofMillis(5500));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
