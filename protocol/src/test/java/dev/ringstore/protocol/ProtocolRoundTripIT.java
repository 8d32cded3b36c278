package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.firstValue;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static dev.ringstore.protocol.WireFrames.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client and a server over real loopback sockets. */
@Timeout(60)
class ProtocolRoundTripIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  private final ScheduledExecutorService storage = Executors.newScheduledThreadPool(4);
  private final ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults());
  private final List<ProtocolServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    client.close();
    servers.forEach(ProtocolServer::close);
    storage.shutdownNow();
  }

  private ProtocolServer serve(RequestHandler handler, ProtocolLimits limits) {
    ProtocolServer server = ProtocolServer.start(ANY_PORT, handler, limits);
    servers.add(server);
    return server;
  }

  private Connection connect(ProtocolServer server) {
    return client.connect(server.localAddress()).join();
  }

  /** Answers a get with its own key, after a random delay off the event loop. */
  private CompletableFuture<Response> echoLater(Request request) {
    CompletableFuture<Response> response = new CompletableFuture<>();
    storage.schedule(
        () -> response.complete(found(key(request))),
        ThreadLocalRandom.current().nextInt(20),
        TimeUnit.MILLISECONDS);
    return response;
  }

  private static ErrorCode codeOf(CompletableFuture<?> future) {
    Throwable failure =
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).actual();
    assertThat(failure.getCause()).isInstanceOf(RingstoreException.class);
    return ((RingstoreException) failure.getCause()).code();
  }

  @Test
  void aRequestMakesTheRoundTrip() {
    ProtocolServer server =
        serve(r -> CompletableFuture.completedFuture(found("v")), ProtocolLimits.defaults());

    assertThat(server.localAddress().getPort()).isPositive();
    assertThat(connect(server).send(get("k"), TIMEOUT).join()).isEqualTo(found("v"));
  }

  @Test
  void aThousandPipelinedRequestsOnOneConnectionAreMatchedByIdWhenAnsweredOutOfOrder() {
    Connection connection = connect(serve(this::echoLater, ProtocolLimits.defaults()));

    List<CompletableFuture<Response>> responses = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      responses.add(connection.send(get("key-" + i), TIMEOUT));
    }

    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
    for (int i = 0; i < 1000; i++) {
      assertThat(firstValue(responses.get(i).join())).isEqualTo("key-" + i);
    }
  }

  @Test
  void theServerNeverRunsMoreThanTheBoundAtOnceYetServesEveryRequest() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    RequestHandler counting =
        request -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          return echoLater(request).whenComplete((r, e) -> running.decrementAndGet());
        };
    Connection connection =
        connect(serve(counting, ProtocolLimits.defaults().withMaxInFlightPerConnection(8)));

    List<CompletableFuture<Response>> responses = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      responses.add(connection.send(get("key-" + i), TIMEOUT));
    }

    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
    assertThat(mostAtOnce.get()).isBetween(1, 8);
    assertThat(responses).allSatisfy(r -> assertThat(r.join().hasError()).isFalse());
  }

  @Test
  void aHandlerThatThrowsYieldsInternalAndTheConnectionStillWorks() {
    RequestHandler handler =
        request -> {
          if (key(request).equals("boom")) {
            throw new IllegalStateException("kaput");
          }
          return CompletableFuture.completedFuture(found("ok"));
        };
    Connection connection = connect(serve(handler, ProtocolLimits.defaults()));

    Response failed = connection.send(get("boom"), TIMEOUT).join();
    assertThat(failed.getError().getCode()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(connection.send(get("fine"), TIMEOUT).join()).isEqualTo(found("ok"));
  }

  @Test
  void aRequestWithoutAnAnswerTimesOutAndTheConnectionStillWorks() {
    RequestHandler handler =
        request ->
            key(request).equals("never")
                ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(found("ok"));
    Connection connection = connect(serve(handler, ProtocolLimits.defaults()));

    assertThat(codeOf(connection.send(get("never"), Duration.ofMillis(100))))
        .isEqualTo(ErrorCode.TIMEOUT);
    assertThat(connection.send(get("fine"), TIMEOUT).join()).isEqualTo(found("ok"));
  }

  @Test
  void whenTheServerGoesAwayPendingRequestsFailWithUnavailable() {
    ProtocolServer server = serve(request -> new CompletableFuture<>(), ProtocolLimits.defaults());
    Connection connection = connect(server);
    CompletableFuture<Response> pending = connection.send(get("k"), TIMEOUT);

    server.shutdownGracefully(Duration.ofMillis(100)).join();

    assertThat(codeOf(pending)).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(connection.closeFuture()).succeedsWithin(TIMEOUT);
    assertThat(codeOf(connection.send(get("k"), TIMEOUT))).isEqualTo(ErrorCode.UNAVAILABLE);
  }

  @Test
  void aGracefulShutdownAnswersRequestsInFlightBeforeClosing() {
    CompletableFuture<Void> received = new CompletableFuture<>();
    CompletableFuture<Response> answer = new CompletableFuture<>();
    ProtocolServer server =
        serve(
            request -> {
              received.complete(null);
              return answer;
            },
            ProtocolLimits.defaults());
    Connection connection = connect(server);
    CompletableFuture<Response> pending = connection.send(get("k"), TIMEOUT);
    received.join();

    CompletableFuture<Void> stopped = server.shutdownGracefully(TIMEOUT);
    storage.schedule(() -> answer.complete(found("last")), 200, TimeUnit.MILLISECONDS);

    assertThat(pending.join()).isEqualTo(found("last"));
    assertThat(stopped).succeedsWithin(TIMEOUT);
    assertThat(connection.closeFuture()).succeedsWithin(TIMEOUT);
  }

  @Test
  void connectingToANonListeningPortFailsWithUnavailable() {
    ProtocolServer server = serve(r -> new CompletableFuture<>(), ProtocolLimits.defaults());
    InetSocketAddress gone = server.localAddress();
    server.close();

    assertThat(codeOf(client.connect(gone))).isEqualTo(ErrorCode.UNAVAILABLE);
  }
}
