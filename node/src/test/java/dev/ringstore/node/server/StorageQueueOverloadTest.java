package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node (RocksDB, loopback sockets) whose storage writer is held up: puts waiting for it are
 * bounded by their bytes, the one past the bound is answered OVERLOADED, and once the writer moves
 * on the node takes the same put again.
 */
@Timeout(120)
class StorageQueueOverloadTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int VALUE_BYTES = 600 << 10;
  private static final Pattern QUEUED =
      Pattern.compile("(?m)^ringstore_storage_queue_bytes\\{[^}]*} ([0-9.E]+)$");

  @TempDir Path data;
  private StorageNode node;
  private ProtocolClient protocol;
  private Connection connection;
  private final HttpClient http = HttpClient.newHttpClient();
  private final CountDownLatch writerHeld = new CountDownLatch(1);
  private final CountDownLatch resume = new CountDownLatch(1);

  @BeforeEach
  void start() {
    node =
        StorageNode.start(
            NodeConfig.defaults(NodeId.of("n1"), new InetSocketAddress("127.0.0.1", 0), data)
                .withHttp(new InetSocketAddress("127.0.0.1", 0))
                .withStorageQueueBytes(1 << 20));
    protocol = ProtocolClient.create(ProtocolLimits.defaults());
    connection = protocol.connect(node.address(), TIMEOUT).join();
  }

  @AfterEach
  void stop() {
    resume.countDown();
    connection.close();
    protocol.close();
    node.close();
  }

  private static Request put(String key, byte[] value) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFrom(key, StandardCharsets.UTF_8))
                .setValue(ByteString.copyFrom(value)))
        .build();
  }

  /** Holds the engine's one writer thread inside a key's change until {@link #resume}. */
  private Thread holdTheWriter() throws InterruptedException {
    Thread holder =
        new Thread(
            () ->
                node.storage()
                    .update(
                        0,
                        "held".getBytes(StandardCharsets.UTF_8),
                        current -> {
                          writerHeld.countDown();
                          try {
                            resume.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return current;
                        }),
            "test-writer-holder");
    holder.start();
    assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    return holder;
  }

  private double queuedBytes() throws Exception {
    String base = "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort();
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher queued = QUEUED.matcher(body);
    assertThat(queued.find()).as("the queued-bytes gauge is served").isTrue();
    return Double.parseDouble(queued.group(1));
  }

  private void awaitQueuedBytes(double atLeast, double atMost) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    double seen = queuedBytes();
    while ((seen < atLeast || seen > atMost) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      seen = queuedBytes();
    }
    assertThat(seen).isBetween(atLeast, atMost);
  }

  @Test
  void aPutPastTheQueuedByteBoundIsOverloadedAndTakenOnceTheWriterCatchesUp() throws Exception {
    Thread holder = holdTheWriter();
    CompletableFuture<Response> first = connection.send(put("k1", new byte[VALUE_BYTES]), TIMEOUT);
    awaitQueuedBytes(VALUE_BYTES, 2 * VALUE_BYTES);

    Response second = connection.send(put("k2", new byte[VALUE_BYTES]), TIMEOUT).join();
    assertThat(second.getError().getCode()).isEqualTo(ErrorCode.OVERLOADED);
    assertThat(first).isNotDone();

    resume.countDown();
    holder.join(10_000);
    assertThat(first.join().hasError()).isFalse();
    awaitQueuedBytes(0, 0);
    assertThat(connection.send(put("k2", new byte[VALUE_BYTES]), TIMEOUT).join().hasError())
        .isFalse();
    Response read =
        connection
            .send(
                Request.newBuilder()
                    .setGet(GetRequest.newBuilder().setKey(ByteString.copyFromUtf8("k2")))
                    .build(),
                TIMEOUT)
            .join();
    assertThat(read.getGet().getValuesList())
        .singleElement()
        .satisfies(v -> assertThat(v.size()).isEqualTo(VALUE_BYTES));
  }
}
