package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PutCondition;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Put-if-absent and put-if-match, checked at the key's first live primary under its lock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConditionalPutTest {
  private static final RequestOptions ALL = RequestOptions.newBuilder().setR(3).setW(3).build();

  @Test
  void putIfAbsentWritesANewKeyOnceAndASecondLeavesTheValue() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          put(client, "n1", "user:ada", "first", PutCondition.IF_ABSENT, ByteString.EMPTY);

          assertFailed(
              () ->
                  put(client, "n2", "user:ada", "second", PutCondition.IF_ABSENT, ByteString.EMPTY),
              "the key already holds a value");
          assertThat(client.get("n3", "user:ada", ALL).values()).containsExactly("first");
          assertEveryReplicaHoldsOnly(cluster, "user:ada", "first");
        });
  }

  @Test
  void putIfMatchWritesWithTheLatestContextAndAStaleOneWritesNothingAnywhere() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          client.put("n1", "cart", "v1", ByteString.EMPTY, ALL);
          ByteString stale = client.get("n2", "cart", ALL).context();

          put(client, "n3", "cart", "v2", PutCondition.IF_MATCH, stale);
          assertThat(client.get("n1", "cart", ALL).values()).containsExactly("v2");

          assertFailed(
              () -> put(client, "n2", "cart", "v3", PutCondition.IF_MATCH, stale),
              "the key was written since the context was read");
          assertEveryReplicaHoldsOnly(cluster, "cart", "v2");

          ByteString latest = client.get("n2", "cart", ALL).context();
          put(client, "n1", "cart", "v4", PutCondition.IF_MATCH, latest);
          assertEveryReplicaHoldsOnly(cluster, "cart", "v4");
        });
  }

  @Test
  void putIfMatchWithoutAContextIsABadRequest() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster ->
            assertThatThrownBy(
                    () ->
                        put(
                            cluster.client(),
                            "n1",
                            "k",
                            "v",
                            PutCondition.IF_MATCH,
                            ByteString.EMPTY))
                .isInstanceOfSatisfying(
                    RingstoreException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("IF_MATCH needs the context"));
  }

  @Test
  void concurrentPutIfAbsentViaEveryNodeLetsExactlyOneWin() throws Exception {
    MiniCluster.runWithNewCluster(
        5,
        cluster -> {
          SimClient client = cluster.client();
          for (int k = 0; k < 5; k++) {
            String key = "lock-" + k;
            List<CompletableFuture<Response>> puts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
              puts.add(
                  client.callAsync(
                      "n" + (1 + i % 5), putRequest(key, "owner-" + i, PutCondition.IF_ABSENT)));
            }
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < puts.size(); i++) {
              try {
                puts.get(i).join();
                winners.add("owner-" + i);
              } catch (CompletionException e) {
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(
                        RingstoreException.class,
                        failure ->
                            assertThat(failure.code()).isEqualTo(ErrorCode.CONDITION_FAILED));
              }
            }
            assertThat(winners).as("puts of %s that succeeded", key).hasSize(1);
            assertThat(client.get("n2", key, ALL).values()).isEqualTo(winners);
          }
        });
  }

  @Test
  void putIfAbsentAfterADeleteWritesOverTheTombstone() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          client.put("n1", "session", "old", ByteString.EMPTY, ALL);
          client.delete("n2", "session", client.get("n2", "session", ALL).context(), ALL);

          put(client, "n3", "session", "new", PutCondition.IF_ABSENT, ByteString.EMPTY);
          assertThat(client.get("n1", "session", ALL).values()).containsExactly("new");
        });
  }

  private static Response put(
      SimClient client,
      String via,
      String key,
      String value,
      PutCondition condition,
      ByteString context) {
    PutRequest put =
        putRequest(key, value, condition).getPut().toBuilder()
            .setContext(context)
            .setOptions(ALL)
            .build();
    return client.call(via, Request.newBuilder().setPut(put).build());
  }

  private static Request putRequest(String key, String value, PutCondition condition) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFrom(key, StandardCharsets.UTF_8))
                .setValue(ByteString.copyFrom(value, StandardCharsets.UTF_8))
                .setCondition(condition))
        .build();
  }

  private static void assertFailed(Runnable put, String reason) {
    assertThatThrownBy(put::run)
        .isInstanceOfSatisfying(
            RingstoreException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONDITION_FAILED))
        .hasMessageContaining(reason);
  }

  private static void assertEveryReplicaHoldsOnly(MiniCluster cluster, String key, String value) {
    for (MiniNode node : cluster.nodes()) {
      DottedVersionVectorSet stored = node.stored(key);
      assertThat(stored.values().stream().map(v -> new String(v, StandardCharsets.UTF_8)))
          .as("%s on %s", key, node.id())
          .containsExactly(value);
    }
  }
}
