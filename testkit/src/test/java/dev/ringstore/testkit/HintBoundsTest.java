package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.handoff.DropReason;
import dev.ringstore.node.handoff.HintMetrics;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.protocol.v1.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a node keeps for a replica that is down, bounded on every node that holds hints: nothing new
 * for a node down longer than the hint window, nothing older than the TTL, nothing for a node that
 * left the cluster.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HintBoundsTest {
  private static final RequestOptions W2 = RequestOptions.newBuilder().setW(2).build();

  @Test
  void aFallbackKeepsNoHintForANodeDownLongerThanTheWindow() throws Exception {
    MiniCluster.runWithNewCluster(
        5,
        hints(s -> s.withHints(s.hints().withWindow(Duration.ofMinutes(1)))),
        cluster -> {
          String key = "device:17";
          List<NodeId> primaries = preference(cluster, key);
          NodeId down = primaries.get(1);
          cluster.kill(down.value());
          awaitBelievedDown(cluster, down);
          cluster.clock().advance(Duration.ofMinutes(2));
          cluster.awaitAllLive(Duration.ofSeconds(10));

          cluster.client().put(primaries.get(0).value(), key, "v", ByteString.EMPTY, W2);

          Eventually.within(
              Duration.ofSeconds(10),
              () ->
                  assertThat(dropped(cluster))
                      .as("hints refused for %s, down longer than the window", down)
                      .isPositive());
          assertThat(cluster.hintsHeld()).isZero();
        });
  }

  @Test
  void aHintPastItsTtlIsDroppedWhileItsTargetIsStillDown() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        hints(s -> s.withHints(s.hints().withTtl(Duration.ofMinutes(1)))),
        cluster -> {
          cluster.isolate("n3");
          for (int i = 0; i < 5; i++) {
            cluster.client().put("n1", "k" + i, "v" + i, ByteString.EMPTY, W2);
          }
          Eventually.within(
              Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isEqualTo(5));

          cluster.clock().advance(Duration.ofMinutes(2));

          Eventually.within(Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isZero());
          assertThat(cluster.node("n1").node().liveness().isLive(NodeId.of("n3"))).isFalse();
          assertThat(cluster.node("n1").node().hintMetrics().droppedCount(DropReason.TTL))
              .isEqualTo(5);
        });
  }

  @Test
  void writesSucceedWhileTheHintQueueIsAtItsByteCapAndTheExtraHintsAreCounted() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        hints(s -> s.withHints(s.hints().withMaxBytesPerTarget(1))),
        cluster -> {
          cluster.isolate("n3");
          HintMetrics metrics = cluster.node("n1").node().hintMetrics();
          for (int i = 0; i < 5; i++) {
            cluster.client().put("n1", "k" + i, "v" + i, ByteString.EMPTY, W2);
            // One hint at a time: hints kept at the same moment may each pass the cap check (see
            // HeldHints); this test is about the cap, not that slack.
            int hinted = i + 1;
            Eventually.within(
                Duration.ofSeconds(10),
                () ->
                    assertThat(metrics.storedCount() + metrics.droppedCount(DropReason.BYTES))
                        .isEqualTo(hinted));
          }
          assertThat(metrics.droppedCount(DropReason.BYTES)).isEqualTo(4);
          assertThat(cluster.node("n1").hintsFor(NodeId.of("n3")))
              .as("a queue goes over its cap by at most one hint")
              .isEqualTo(1);
        });
  }

  static UnaryOperator<NodeConfig> hints(UnaryOperator<ClusterSettings> change) {
    return config -> config.withCluster(change.apply(config.cluster()));
  }

  static void awaitBelievedDown(MiniCluster cluster, NodeId down) throws InterruptedException {
    Eventually.within(
        Duration.ofSeconds(10),
        () ->
            cluster.nodes().stream()
                .filter(MiniNode::isRunning)
                .forEach(
                    node ->
                        assertThat(node.node().liveness().isLive(down))
                            .as("%s believes %s live", node.id(), down)
                            .isFalse()));
  }

  static double dropped(MiniCluster cluster) {
    return cluster.nodes().stream()
        .filter(MiniNode::isRunning)
        .mapToDouble(node -> node.node().hintMetrics().droppedCount())
        .sum();
  }

  static List<NodeId> preference(MiniCluster cluster, String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return cluster.node("n1").node().cluster().table().preferenceListForKey(bytes).nodes();
  }
}
