package dev.ringstore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.Error;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where the client sends requests, and when it sends them again, against scripted nodes. */
@Timeout(60)
class RingstoreClientRoutingTest {
  private final ScriptedNodes nodes = new ScriptedNodes(4);

  private RingstoreClient client(ClientBuilder builder) {
    return builder
        .transport(nodes)
        .random(RandomGenerator.of("L64X128MixRandom"))
        .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
        .build();
  }

  private RingstoreClient client() {
    return client(RingstoreClient.builder().seeds(ScriptedNodes.address(4)));
  }

  @Test
  void eachKeyGoesToThePrimaryOfItsPreferenceList() {
    try (RingstoreClient client = client()) {
      for (int i = 0; i < 50; i++) {
        String key = "key-" + i;
        nodes.dataRequests.clear();
        client.strings().sync().get(key);
        client.strings().sync().put(key, "v");
        assertThat(nodes.dataRequests).containsOnly(nodes.preferred(key, 0)).hasSize(2);
      }
      assertThat(client.tableVersion()).isEqualTo(1);
    }
  }

  @Test
  void anUnreachablePrimarySendsTheRequestToTheNextNodeAndIsTriedLastForAWhile() {
    try (RingstoreClient client = client()) {
      String key = "cart:7";
      String primary = nodes.preferred(key, 0);
      nodes.down.add(primary);
      client.strings().sync().put(key, "v");
      client.strings().sync().get(key);
      assertThat(nodes.dataRequests)
          .containsExactly(nodes.preferred(key, 1), nodes.preferred(key, 1));
      nodes.down.remove(primary);
    }
  }

  @Test
  void noNodeReachableIsOneUnavailableErrorNamingThem() {
    try (RingstoreClient client = client()) {
      for (int i = 1; i <= 4; i++) {
        nodes.down.add(ScriptedNodes.address(i));
      }
      assertThatThrownBy(() -> client.strings().sync().get("k"))
          .isInstanceOf(RingstoreException.class)
          .hasMessageContaining("no node answered")
          .hasMessageContaining(ScriptedNodes.address(1));
    }
  }

  @Test
  void overloadedIsRetriedWithBackoffForWritesAndReads() {
    try (RingstoreClient client = client()) {
      String key = "busy";
      AtomicInteger refusals = new AtomicInteger(2);
      nodes.scripted.put(
          nodes.preferred(key, 0),
          request ->
              refusals.getAndDecrement() > 0
                  ? error(ErrorCode.OVERLOADED, "queue full")
                  : Response.newBuilder()
                      .setPut(dev.ringstore.protocol.v1.PutResponse.getDefaultInstance())
                      .build());
      client.strings().sync().put(key, "v");
      assertThat(nodes.dataRequests).hasSize(3);
      assertThat(count(client.meterRegistry(), "ringstore.client.retries")).isEqualTo(2);
    }
  }

  @Test
  void aWriteThatTimedOutIsNotSentAgainButAReadIs() {
    try (RingstoreClient client = client(RingstoreClient.builder().seeds("n4:7000"))) {
      String key = "slow";
      nodes.scripted.put(nodes.preferred(key, 0), request -> error(ErrorCode.TIMEOUT, "2 of 3"));
      assertThatThrownBy(() -> client.strings().sync().put(key, "v"))
          .isInstanceOf(RingstoreException.class)
          .extracting(e -> ((RingstoreException) e).code())
          .isEqualTo(ErrorCode.TIMEOUT);
      assertThat(nodes.dataRequests).hasSize(1);
      nodes.dataRequests.clear();
      assertThatThrownBy(() -> client.strings().sync().get(key))
          .isInstanceOf(RingstoreException.class);
      assertThat(nodes.dataRequests).hasSize(3);
    }
  }

  @Test
  void aReplyNamingANewerTableMakesTheClientFetchIt() throws Exception {
    try (RingstoreClient client = client()) {
      nodes.routing = ScriptedNodes.routing(5, 4);
      nodes.repliedVersion = 5;
      client.strings().sync().get("k");
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (client.tableVersion() != 5 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(client.tableVersion()).isEqualTo(5);
      assertThat(
              client
                  .meterRegistry()
                  .get("ringstore.client.table.refreshes")
                  .tag("outcome", "updated")
                  .counter()
                  .count())
          .isEqualTo(2);
    }
  }

  @Test
  void aStaleTableRefusalRefreshesTheTableAndSendsTheWriteAgain() {
    try (RingstoreClient client = client()) {
      String key = "moved";
      AtomicInteger refusals = new AtomicInteger(1);
      nodes.scripted.put(
          nodes.preferred(key, 0),
          request -> {
            if (refusals.getAndDecrement() > 0) {
              nodes.routing = ScriptedNodes.routing(2, 4);
              return error(ErrorCode.STALE_TABLE, "table v2 moved this bucket");
            }
            return Response.newBuilder()
                .setPut(dev.ringstore.protocol.v1.PutResponse.getDefaultInstance())
                .build();
          });
      client.strings().sync().put(key, "v");
      assertThat(client.tableVersion()).isEqualTo(2);
      assertThat(nodes.dataRequests).hasSize(2);
    }
  }

  @Test
  void aSlowReadIsHedgedToTheNextNode() {
    try (RingstoreClient client =
        client(
            RingstoreClient.builder().seeds("n4:7000").hedgeReads(0.95, Duration.ofMillis(20)))) {
      String key = "hedged";
      nodes.slow.put(nodes.preferred(key, 0), Duration.ofSeconds(2));
      long started = System.nanoTime();
      client.strings().sync().get(key);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(
              client
                  .meterRegistry()
                  .get("ringstore.client.hedges")
                  .tag("outcome", "won")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void aClientThatCannotFetchATableFailsToStartWithOneClearError() {
    for (int i = 1; i <= 4; i++) {
      nodes.down.add(ScriptedNodes.address(i));
    }
    assertThatThrownBy(() -> client())
        .isInstanceOf(RingstoreException.class)
        .hasMessageContaining(
            "cannot fetch the bucket table: no source of the bucket table answered")
        .hasMessageContaining("n4:7000");
    assertThatThrownBy(() -> RingstoreClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RingstoreClient.builder().seeds("no-port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host:port");
  }

  private static Response error(ErrorCode code, String message) {
    return Response.newBuilder()
        .setError(Error.newBuilder().setCode(code).setMessage(message))
        .build();
  }

  private static double count(MeterRegistry registry, String name) {
    return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
