package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.ring.BucketTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code ringstore.requests.placement} counter shows whether clients route token-aware: a
 * request sent to one of its key's replicas counts as {@code replica}, any other as {@code other}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestPlacementTest {

  @Test
  void getsSentToTheKeysFirstReplicaCountAsReplicaAndElsewhereAsOther() throws Exception {
    MiniCluster.runWithNewCluster(
        4,
        cluster -> {
          SimClient client = cluster.client();
          BucketTable table = cluster.node("n1").node().cluster().table();
          for (int i = 0; i < 30; i++) {
            String key = "key-" + i;
            client.get(preference(table, key).get(0).value(), key);
          }
          assertThat(total(cluster, "replica")).isEqualTo(30);
          assertThat(total(cluster, "other")).isZero();

          for (int i = 0; i < 30; i++) {
            String key = "key-" + i;
            List<NodeId> preference = preference(table, key);
            NodeId outsider =
                cluster.ids().stream().filter(id -> !preference.contains(id)).findFirst().get();
            client.get(outsider.value(), key);
          }
          assertThat(total(cluster, "replica")).isEqualTo(30);
          assertThat(total(cluster, "other")).isEqualTo(30);
        });
  }

  private static List<NodeId> preference(BucketTable table, String key) {
    return table.preferenceListForKey(key.getBytes(StandardCharsets.UTF_8)).nodes();
  }

  private static long total(MiniCluster cluster, String placement) {
    return cluster.nodes().stream().mapToLong(node -> node.requestsAt(placement)).sum();
  }
}
