package dev.ringstore.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tombstones leave the disk, as Riak's delete_mode: only once every primary holds the same
 * tombstone and the reap delay has passed, so a replica that missed the delete never brings the
 * deleted value back.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TombstoneReapTest {
  private static final RequestOptions ALL = RequestOptions.newBuilder().setR(3).setW(3).build();
  private static final RequestOptions TWO =
      RequestOptions.newBuilder().setW(2).setTimeoutMs(500).build();

  @Test
  void aReplicaDownDuringTheDeleteHoldsTheReapUntilItHasTheTombstoneAndBringsNothingBack()
      throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          ByteString context = client.put("n1", "cart", "milk", ByteString.EMPTY, ALL);
          int bucket = cluster.node("n1").config().ring().bucketOf("cart".getBytes(UTF_8));
          NodeId reaper =
              cluster.node("n1").node().cluster().table().preferenceList(bucket).nodes().get(0);
          String down =
              cluster.ids().stream()
                  .map(NodeId::value)
                  .filter(id -> !id.equals(reaper.value()))
                  .findFirst()
                  .orElseThrow();
          String via =
              cluster.ids().stream()
                  .map(NodeId::value)
                  .filter(id -> !id.equals(down))
                  .findFirst()
                  .orElseThrow();

          cluster.kill(down);
          client.delete(via, "cart", context, TWO);
          cluster.clock().advance(Duration.ofHours(2));

          assertThat(cluster.node(reaper.value()).node().reapTombstones())
              .as("a primary is down: nothing is reaped")
              .isZero();
          assertThat(cluster.node(reaper.value()).stored("cart").isTombstoneOnly()).isTrue();

          cluster.restart(down);
          cluster.awaitAllLive(Duration.ofSeconds(10));
          Eventually.within(
              Duration.ofSeconds(20),
              () -> {
                cluster.nodes().forEach(n -> n.node().replayHints());
                assertThat(cluster.node(down).stored("cart").isTombstoneOnly()).isTrue();
              });
          cluster.clock().advance(Duration.ofHours(2));

          assertThat(cluster.node(reaper.value()).node().reapTombstones()).isEqualTo(1);
          for (MiniNode node : cluster.nodes()) {
            assertThat(node.keysIn(bucket)).as("%s after the reap", node.id()).isZero();
          }

          for (int round = 0; round < 3; round++) {
            cluster.nodes().forEach(node -> node.node().runAntiEntropyPass());
          }
          for (MiniNode node : cluster.nodes()) {
            assertThat(client.get(node.id().value(), "cart", ALL).found()).isFalse();
          }
          for (MiniNode node : cluster.nodes()) {
            assertThat(node.keysIn(bucket))
                .as("%s after anti-entropy and read repair", node.id())
                .isZero();
          }

          client.put(down, "cart", "eggs", ByteString.EMPTY, ALL);
          assertThat(client.get(reaper.value(), "cart", ALL).values()).containsExactly("eggs");
        });
  }

  @Test
  void aTombstoneStaysForTheDelayAndAValueIsNeverReaped() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          ByteString context = client.put("n1", "a", "1", ByteString.EMPTY, ALL);
          client.delete("n1", "a", context, ALL);
          client.put("n1", "b", "1", ByteString.EMPTY, ALL);
          cluster.clock().advance(Duration.ofMinutes(30));
          int young = cluster.nodes().stream().mapToInt(n -> n.node().reapTombstones()).sum();
          assertThat(young).as("younger than the 1 h default delay").isZero();

          cluster.clock().advance(Duration.ofHours(1));
          cluster.awaitAllLive(Duration.ofSeconds(10));
          int old = cluster.nodes().stream().mapToInt(n -> n.node().reapTombstones()).sum();
          assertThat(old).as("only the deleted key").isEqualTo(1);
          assertThat(cluster.node("n3").stored("a").siblings()).isEmpty();
          for (String key : List.of("b")) {
            assertThat(cluster.node("n3").stored(key).siblings()).as(key).isNotEmpty();
          }
        });
  }
}
