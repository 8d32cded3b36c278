package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.protocol.v1.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Merkle-tree anti-entropy brings every replica of a bucket in line with no client reads. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntiEntropyTest {
  private static final UnaryOperator<NodeConfig> QUICK_EXCHANGES =
      config -> config.withCluster(config.cluster().withAntiEntropyInterval(Duration.ofMillis(1)));

  @Test
  void aKeyWrittenToOneReplicaReachesEveryReplicaOfItsBucket() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        QUICK_EXCHANGES,
        cluster -> {
          String via = putOnItsPrimaryOnly(cluster, "lonely", "v");
          Eventually.within(
              Duration.ofSeconds(60),
              () ->
                  cluster
                      .nodes()
                      .forEach(
                          node ->
                              assertThat(values(node, "lonely"))
                                  .as("on %s", node.id())
                                  .containsExactly("v")));
        });
  }

  @Test
  void withItsHintsDroppedAPartitionedReplicaStillConvergesAndRepairsStopWhenIdle()
      throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        config ->
            config.withCluster(
                config
                    .cluster()
                    .withHints(config.cluster().hints().withTtl(Duration.ofSeconds(1)))),
        cluster -> {
          cluster.isolate("n3");
          for (int i = 0; i < 30; i++) {
            cluster
                .client()
                .put(
                    "n1",
                    "k" + i,
                    "v" + i,
                    ByteString.EMPTY,
                    RequestOptions.newBuilder().setW(2).build());
          }
          Eventually.within(
              Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isEqualTo(30));
          cluster.clock().advance(Duration.ofMinutes(1));
          cluster.network().heal();
          Eventually.within(Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isZero());
          assertThat(cluster.node("n3").stored("k0").isFound()).isFalse();

          cluster.awaitAllLive(Duration.ofSeconds(10));
          cluster.nodes().forEach(node -> node.node().runAntiEntropyPass());
          for (int i = 0; i < 30; i++) {
            assertThat(values(cluster.node("n3"), "k" + i)).containsExactly("v" + i);
          }

          double repaired = totalRepaired(cluster);
          cluster.nodes().forEach(node -> node.node().runAntiEntropyPass());
          assertThat(totalRepaired(cluster))
              .as("repairs once the replicas agree")
              .isEqualTo(repaired);
        });
  }

  @Test
  void aReplicaWhoseDataDirWasWipedConvergesAfterRestart() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          for (int i = 0; i < 25; i++) {
            cluster.client().put("n1", "w" + i, "v" + i);
          }
          cluster.kill("n2");
          cluster.wipe("n2");
          cluster.restart("n2");
          cluster.awaitAllLive(Duration.ofSeconds(10));
          assertThat(cluster.node("n2").stored("w0").isFound()).isFalse();

          cluster.node("n2").node().runAntiEntropyPass();
          for (int i = 0; i < 25; i++) {
            assertThat(values(cluster.node("n2"), "w" + i)).containsExactly("v" + i);
          }
          cluster.client().put("n2", "after", "wipe");
          assertThat(cluster.client().get("n1", "after").values()).containsExactly("wipe");
        });
  }

  @Test
  void onceTreesAreBuiltOnlyBucketsWhoseRootsDifferAreExchanged() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          RequestOptions everyReplica = RequestOptions.newBuilder().setW(3).build();
          for (int i = 0; i < 40; i++) {
            cluster.client().put("n1", "agreed" + i, "v" + i, ByteString.EMPTY, everyReplica);
          }
          cluster.nodes().forEach(node -> node.node().runAntiEntropyPass()); // builds every tree
          double exchanges = totalExchanges(cluster);

          cluster.nodes().forEach(node -> node.node().runAntiEntropyPass());
          assertThat(totalExchanges(cluster))
              .as("exchanges between replicas whose roots agree")
              .isEqualTo(exchanges);

          String via = putOnItsPrimaryOnly(cluster, "lonely", "v");
          cluster.node(via).node().runAntiEntropyPass();
          cluster.nodes().forEach(node -> assertThat(values(node, "lonely")).containsExactly("v"));
          assertThat(totalExchanges(cluster) - exchanges)
              .as("one exchange with each peer, of the one bucket that differs")
              .isEqualTo(2);
        });
  }

  /** Writes with n = 1 through the key's primary, the one replica that stores it; returns it. */
  private static String putOnItsPrimaryOnly(MiniCluster cluster, String key, String value)
      throws Exception {
    String via = primary(cluster, key);
    cluster
        .client()
        .put(
            via, key, value, ByteString.EMPTY, RequestOptions.newBuilder().setN(1).setW(1).build());
    return via;
  }

  private static double totalExchanges(MiniCluster cluster) {
    return cluster.nodes().stream()
        .mapToDouble(n -> n.node().antiEntropyMetrics().completedCount())
        .sum();
  }

  private static double totalRepaired(MiniCluster cluster) {
    return cluster.nodes().stream()
        .mapToDouble(n -> n.node().antiEntropyMetrics().repairedCount())
        .sum();
  }

  private static String primary(MiniCluster cluster, String key) {
    NodeId first =
        cluster
            .node("n1")
            .node()
            .cluster()
            .table()
            .preferenceListForKey(key.getBytes(StandardCharsets.UTF_8))
            .primary();
    return first.value();
  }

  private static java.util.List<String> values(MiniNode node, String key) {
    return node.stored(key).values().stream()
        .map(v -> new String(v, StandardCharsets.UTF_8))
        .toList();
  }
}
