package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listener-wide bounds over real sockets: the connection cap, a peer that never reads, idling.
 */
@Timeout(60)
class ListenerBoundsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults());
  private final AtomicInteger handled = new AtomicInteger();
  private ProtocolServer server;

  private ProtocolServer serve(ProtocolLimits limits, String value) {
    server =
        ProtocolServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            request -> {
              handled.incrementAndGet();
              return CompletableFuture.completedFuture(found(value));
            },
            limits);
    return server;
  }

  @AfterEach
  void stop() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  private Connection connect() {
    return client.connect(server.localAddress()).join();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void aConnectionOverTheCapIsClosedAtOnceAndTheOthersCarryOn() throws Exception {
    serve(ProtocolLimits.defaults().withMaxConnections(2), "ok");
    Connection first = connect();
    Connection second = connect();

    Connection third = connect(); // TCP accepts it; the server closes it unread
    third.closeFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(server.rejectedConnections()).isEqualTo(1);
    assertThat(server.connectionCount()).isEqualTo(2);
    assertThat(first.send(get("k"), TIMEOUT).join()).isEqualTo(found("ok"));
    assertThat(second.send(get("k"), TIMEOUT).join()).isEqualTo(found("ok"));

    first.close();
    await("the closed connection is released", () -> server.connectionCount() == 1);
    assertThat(connect().send(get("k"), TIMEOUT).join()).isEqualTo(found("ok"));
  }

  @Test
  void aPeerThatNeverReadsGetsOnlyTheBytesBoundOfFullResponsesAndTheRestShed() throws Exception {
    int requests = 400;
    int valueBytes = 100 * 1024;
    char[] value = new char[valueBytes];
    Arrays.fill(value, 'v');
    serve(
        ProtocolLimits.defaults().withMaxBytesInFlightPerConnection(256 * 1024), new String(value));
    byte[] request = bytes(Frame.request(1, get("k")));

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(server.localAddress(), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < requests; i++) {
        out.write(request);
      }
      out.flush();
      await("every request read and answered", () -> handled.get() == requests);

      Map<ErrorCode, Integer> answers = readAnswers(socket.getInputStream(), requests);
      assertThat(answers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests);
      // Full responses: what the kernel's socket buffers took plus the budget, nowhere near 400.
      assertThat(answers.getOrDefault(ErrorCode.ERROR_CODE_UNSPECIFIED, 0))
          .as("full responses of %d KiB", valueBytes / 1024)
          .isGreaterThan(0)
          .isLessThan(requests / 4);
      assertThat(answers.get(ErrorCode.OVERLOADED)).isGreaterThan(requests / 2);

      // Once the peer reads again, it is served in full.
      out.write(request);
      out.flush();
      assertThat(readAnswers(socket.getInputStream(), 1))
          .containsExactly(Map.entry(ErrorCode.ERROR_CODE_UNSPECIFIED, 1));
    }
  }

  /** Reads {@code expected} responses; counts them by error code (unspecified: none). */
  private static Map<ErrorCode, Integer> readAnswers(InputStream in, int expected)
      throws IOException {
    EmbeddedChannel decoder =
        new EmbeddedChannel(new FrameDecoder(ProtocolLimits.defaults()), new FrameBodyDecoder());
    Map<ErrorCode, Integer> answers = new EnumMap<>(ErrorCode.class);
    int count = 0;
    byte[] chunk = new byte[64 * 1024];
    while (count < expected) {
      int read = in.read(chunk);
      if (read < 0) {
        break;
      }
      decoder.writeInbound(Unpooled.copiedBuffer(chunk, 0, read));
      for (Frame frame; (frame = decoder.readInbound()) != null; ) {
        answers.merge(frame.response().getError().getCode(), 1, Integer::sum);
        count++;
      }
    }
    decoder.finishAndReleaseAll();
    return answers;
  }

  @Test
  void anIdleConnectionIsClosedByTheServerAndOneWithARequestInFlightIsNot() throws Exception {
    Duration idleTimeout = Duration.ofMillis(500);
    CompletableFuture<Response> slow = new CompletableFuture<>();
    server =
        ProtocolServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            request -> WireFrames.key(request).equals("slow") ? slow : completedFuture(found("ok")),
            ProtocolLimits.defaults().withIdleTimeout(idleTimeout));
    // A cold JVM can take longer than the timeout to load what reads the first frame.
    assertThat(connect().send(get("warm up"), TIMEOUT).join()).isEqualTo(found("ok"));
    Connection idle = connect();
    Connection busy = connect();
    CompletableFuture<Response> answer = busy.send(get("slow"), Duration.ofMinutes(1));

    idle.closeFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Thread.sleep(idleTimeout.multipliedBy(5).toMillis());
    assertThat(busy.isOpen()).as("a request in flight keeps its connection").isTrue();

    slow.complete(found("done"));
    assertThat(answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(found("done"));
  }
}
