package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HintedHandoffTest {
  private static final RequestOptions W2 = RequestOptions.newBuilder().setW(2).build();

  @Test
  void aPartitionedReplicaGetsEveryWriteByHandoffAfterTheHeal() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          cluster.isolate("n3");
          for (int i = 0; i < 40; i++) {
            client.put("n1", "k" + i, "v" + i, ByteString.EMPTY, W2);
          }
          Eventually.within(
              Duration.ofSeconds(10),
              () -> assertThat(cluster.node("n1").hintsFor(NodeId.of("n3"))).isEqualTo(40));
          assertThat(cluster.node("n3").stored("k0").isFound()).isFalse();

          cluster.network().heal();
          Eventually.within(
              Duration.ofSeconds(20),
              () -> {
                assertThat(cluster.hintsHeld()).isZero();
                for (MiniNode node : cluster.nodes()) {
                  for (int i = 0; i < 40; i++) {
                    assertThat(node.stored("k" + i).values())
                        .as("k%d on %s", i, node.id())
                        .extracting(HintedHandoffTest::text)
                        .containsExactly("v" + i);
                  }
                }
              });
          Eventually.within(
              Duration.ofSeconds(5),
              () ->
                  assertThat(cluster.node("n1").node().hintMetrics().queueSize(NodeId.of("n3")))
                      .isZero());
          assertThat(cluster.node("n1").node().hintMetrics().replayedCount()).isEqualTo(40);
        });
  }

  @Test
  void hintsSurviveARestartOfTheNodeHoldingThemAndAreDeliveredAfterIt() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          cluster.isolate("n3");
          for (int i = 0; i < 20; i++) {
            client.put("n1", "durable" + i, "v" + i, ByteString.EMPTY, W2);
          }
          Eventually.within(
              Duration.ofSeconds(10),
              () -> assertThat(cluster.node("n1").hintsFor(NodeId.of("n3"))).isEqualTo(20));

          cluster.kill("n1");
          cluster.restart("n1");
          assertThat(cluster.node("n1").hintsFor(NodeId.of("n3"))).isEqualTo(20);

          cluster.network().heal();
          Eventually.within(
              Duration.ofSeconds(20),
              () -> {
                assertThat(cluster.hintsHeld()).isZero();
                for (int i = 0; i < 20; i++) {
                  assertThat(cluster.node("n3").stored("durable" + i).values())
                      .extracting(HintedHandoffTest::text)
                      .containsExactly("v" + i);
                }
              });
        });
  }

  @Test
  void sloppyQuorumKeepsWritesAvailableWhenTwoOfThreePrimariesAreDown() throws Exception {
    MiniCluster.runWithNewCluster(
        5,
        cluster -> {
          SimClient client = cluster.client();
          String key = "device:17";
          List<NodeId> primaries = preference(cluster, key);
          cluster.kill(primaries.get(1).value());
          cluster.kill(primaries.get(2).value());
          String via = primaries.get(0).value();

          client.put(via, key, "sloppy-ok", ByteString.EMPTY, W2);

          assertUnavailable(
              () ->
                  client.put(
                      via,
                      key,
                      "strict",
                      ByteString.EMPTY,
                      RequestOptions.newBuilder().setW(2).setSloppy(false).build()),
              "sloppy quorum off");
          assertUnavailable(
              () ->
                  client.put(
                      via,
                      key,
                      "pw",
                      ByteString.EMPTY,
                      RequestOptions.newBuilder().setW(2).setPw(2).build()),
              "pw=2");

          cluster.restart(primaries.get(1).value());
          cluster.restart(primaries.get(2).value());
          Eventually.within(
              Duration.ofSeconds(20),
              () -> {
                for (NodeId primary : primaries) {
                  assertThat(cluster.node(primary.value()).stored(key).values())
                      .as("on %s", primary)
                      .extracting(HintedHandoffTest::text)
                      .containsExactly("sloppy-ok");
                }
                assertThat(cluster.hintsHeld()).isZero();
              });
        });
  }

  @Test
  void aStaleReplicaIsRepairedByARead() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        config ->
            config.withCluster(
                config
                    .cluster()
                    .withHints(config.cluster().hints().withTtl(Duration.ofSeconds(1)))),
        cluster -> {
          SimClient client = cluster.client();
          cluster.isolate("n3");
          client.put("n1", "profile", "v1", ByteString.EMPTY, W2);
          Eventually.within(
              Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isEqualTo(1));
          cluster.clock().advance(Duration.ofMinutes(1));
          cluster.network().heal();
          Eventually.within(
              Duration.ofSeconds(10),
              () -> {
                assertThat(cluster.hintsHeld()).as("the expired hint is dropped").isZero();
                assertThat(cluster.node("n1").node().liveness().isLive(NodeId.of("n3"))).isTrue();
              });
          assertThat(cluster.node("n3").stored("profile").isFound()).isFalse();

          assertThat(client.get("n1", "profile").values()).containsExactly("v1");

          Eventually.within(
              Duration.ofSeconds(10),
              () ->
                  assertThat(cluster.node("n3").stored("profile").values())
                      .extracting(HintedHandoffTest::text)
                      .containsExactly("v1"));
        });
  }

  private static List<NodeId> preference(MiniCluster cluster, String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return cluster.node("n1").node().cluster().table().preferenceListForKey(bytes).nodes();
  }

  private static void assertUnavailable(Runnable request, String reason) {
    assertThatThrownBy(request::run)
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessageContaining(reason);
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
