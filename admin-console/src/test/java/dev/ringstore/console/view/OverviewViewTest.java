package dev.ringstore.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot;
import dev.ringstore.console.cluster.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverviewViewTest {
  @Test
  void aHealthyClusterSaysSoInOneLine() {
    ObjectNode overview = overview(new Snapshots(List.of("n1", "n2", "n3"), Set.of()).build());
    assertThat(overview.get("healthy").asBoolean()).isTrue();
    assertThat(overview.get("summary").asText())
        .isEqualTo("healthy: 3 nodes up, table v1, config leader c1");
    assertThat(overview.get("reasons")).isEmpty();
  }

  @Test
  void aDownNodeIsNamedWithTheBucketsItLeavesOnFallbacks() {
    ObjectNode overview = overview(new Snapshots(List.of("n1", "n2", "n3"), Set.of("n3")).build());
    assertThat(overview.get("healthy").asBoolean()).isFalse();
    assertThat(kinds(overview)).containsExactly("nodes-down", "fallback-buckets");
    assertThat(overview.get("summary").asText())
        .isEqualTo("n3 is down; 64 buckets have a primary down, served by fallbacks");
    assertThat(overview.get("nodes").toString())
        .isEqualTo("{\"up\":2,\"down\":1,\"total\":3,\"joining\":[]}");
  }

  @Test
  void aNodeAskingToJoinIsNeitherCountedNorDown() {
    ClusterSnapshot snapshot =
        new Snapshots(List.of("n1", "n2", "n3"), Set.of()).joining("n4").build();
    ObjectNode overview = overview(snapshot);
    assertThat(overview.get("healthy").asBoolean()).isTrue();
    assertThat(overview.get("summary").asText())
        .isEqualTo("healthy: 3 nodes up, table v1, config leader c1; n4 asking to join");
    assertThat(overview.get("nodes").toString())
        .isEqualTo("{\"up\":3,\"down\":0,\"total\":3,\"joining\":[\"n4\"]}");
  }

  @Test
  void everyReasonComesMostSevereFirst() {
    ClusterSnapshot snapshot =
        new Snapshots(List.of("n1", "n2", "n3"), Set.of("n2", "n3"))
            .leader(null)
            .hints("n1", "n2", 40, 4096)
            .transfer(2, 100, 30)
            .build();
    ObjectNode overview = overview(snapshot);
    assertThat(kinds(overview))
        .containsExactly("config-leader", "nodes-down", "below-w", "transfer", "hint-backlog");
    assertThat(overview.get("summary").asText())
        .contains("the config service has no leader")
        .contains("n2, n3 are down")
        .contains("transfer to table v2: 30 of 100 moves done")
        .contains("40 hints queued (4.0 KiB)");
  }

  private static ObjectNode overview(ClusterSnapshot snapshot) {
    Verdicts verdicts = Verdicts.of(snapshot);
    return OverviewView.of(snapshot, verdicts, RingView.of(snapshot.routing(), verdicts));
  }

  private static List<String> kinds(JsonNode overview) {
    List<String> kinds = new ArrayList<>();
    overview.get("reasons").forEach(r -> kinds.add(r.get("kind").asText()));
    return kinds;
  }
}
