package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.handoff.DropReason;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.ring.RingSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hints across ownership changes: those held for a node removed from the cluster are dropped, and a
 * node that leaves hands the hints it holds on before it exits, so the writes they carry still
 * reach their owners.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HintsOnMembershipChangeTest {
  private static final UnaryOperator<NodeConfig> SMALL_RING =
      c -> c.withRing(new RingSettings(64, 3, 16));
  private static final NodeId N4 = NodeId.of("n4");

  @Test
  void hintsForANodeRemovedFromTheClusterAreDropped() throws Exception {
    MiniCluster.runWithConfigService(
        4,
        SMALL_RING,
        cluster -> {
          cluster.kill("n4");
          HintBoundsTest.awaitBelievedDown(cluster, N4);
          List<String> keys = keysOwnedBy(cluster, Set.of(N4), 10);
          for (String key : keys) {
            cluster
                .client()
                .put("n1", key, "v", ByteString.EMPTY, RequestOptions.newBuilder().setW(2).build());
          }
          Eventually.within(
              Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isEqualTo(10));

          change(cluster, PlanCommand.newBuilder().setRemoveDead("n4"));
          TransferTest.awaitTableEverywhere(cluster, 3);

          Eventually.within(Duration.ofSeconds(10), () -> assertThat(cluster.hintsHeld()).isZero());
          assertThat(
                  cluster.nodes().stream()
                      .filter(MiniNode::isRunning)
                      .mapToDouble(n -> n.node().hintMetrics().droppedCount(DropReason.REMOVED))
                      .sum())
              .isEqualTo(10);
        });
  }

  @Test
  void aLeavingNodeHandsItsHintsToAPeerThatDeliversThemOnceTheTargetIsBack() throws Exception {
    MiniCluster.runWithConfigService(
        4,
        SMALL_RING,
        cluster -> {
          // n4 stays reachable from n2, so it can still pull the buckets n3's leave gives it.
          cluster.network().partition(Set.of(N4), Set.of(NodeId.of("n1"), NodeId.of("n3")));
          awaitBelievedDownBy(cluster, N4, "n1", "n3");
          List<String> keys = keysOwnedBy(cluster, Set.of(NodeId.of("n3"), N4), 10);
          RequestOptions strict = RequestOptions.newBuilder().setW(2).setSloppy(false).build();
          for (String key : keys) {
            cluster.client().put("n3", key, "before-leave", ByteString.EMPTY, strict);
          }
          Eventually.within(
              Duration.ofSeconds(10),
              () -> assertThat(cluster.node("n3").hintsFor(N4)).isEqualTo(keys.size()));

          change(cluster, PlanCommand.newBuilder().setLeave("n3"));
          TransferTest.awaitTableEverywhere(cluster, 3);
          assertThat(cluster.node("n3").node().left()).succeedsWithin(Duration.ofSeconds(30));
          cluster.kill("n3"); // `ringstore node` exits once left() completes
          assertThat(cluster.node("n1").hintsFor(N4))
              .as("n4 is unreachable from n3, so n3 handed its hints to n1")
              .isEqualTo(keys.size());

          cluster.network().heal();
          Eventually.within(
              Duration.ofSeconds(20),
              () -> {
                for (String key : keys) {
                  assertThat(cluster.node("n4").stored(key).values())
                      .as("%s on n4", key)
                      .extracting(v -> new String(v, StandardCharsets.UTF_8))
                      .containsExactly("before-leave");
                }
                assertThat(cluster.hintsHeld()).isZero();
              });
        });
  }

  private static void awaitBelievedDownBy(MiniCluster cluster, NodeId down, String... by)
      throws InterruptedException {
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          for (String node : by) {
            assertThat(cluster.node(node).node().liveness().isLive(down))
                .as("%s believes %s live", node, down)
                .isFalse();
          }
        });
  }

  /** {@code count} keys whose preference list holds every node of {@code owners}. */
  private static List<String> keysOwnedBy(MiniCluster cluster, Set<NodeId> owners, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; keys.size() < count; i++) {
      String key = "key" + i;
      if (HintBoundsTest.preference(cluster, key).containsAll(owners)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static void change(MiniCluster cluster, PlanCommand.Builder plan) {
    cluster.config().plan(plan.build()).join();
    cluster.config().commit().join();
  }
}
