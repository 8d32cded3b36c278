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

class RingViewTest {
  @Test
  void everyBucketIsOkWhenEveryNodeIsUp() {
    ObjectNode ring = ring(new Snapshots(List.of("n1", "n2", "n3", "n4"), Set.of()).build());
    assertThat(states(ring)).hasSize(64).containsOnly("ok");
    int primaries = 0;
    for (JsonNode share : ring.get("shares")) {
      primaries += share.get("primaries").asInt();
      assertThat(share.get("idealPrimaries").asDouble()).isEqualTo(16.0);
    }
    assertThat(primaries).isEqualTo(64);
  }

  @Test
  void aDownNodesBucketsAreServedByTheFallbackTheCoordinatorsPick() {
    ObjectNode ring = ring(new Snapshots(List.of("n1", "n2", "n3", "n4"), Set.of("n3")).build());
    assertThat(ring.get("down").toString()).isEqualTo("[\"n3\"]");
    for (int b = 0; b < 64; b++) {
      List<String> list = new ArrayList<>();
      ring.get("table").get(b).forEach(n -> list.add(n.asText()));
      String state = states(ring).get(b);
      if (list.contains("n3")) {
        assertThat(state).isEqualTo("fallback");
        // The one member outside the list that is up stands in.
        List<String> outside = new ArrayList<>(List.of("n1", "n2", "n3", "n4"));
        outside.removeAll(list);
        assertThat(ring.get("fallbacks").get(b).toString())
            .isEqualTo("[\"" + outside.get(0) + "\"]");
      } else {
        assertThat(state).isEqualTo("ok");
        assertThat(ring.get("fallbacks").get(b)).isEmpty();
      }
    }
  }

  @Test
  void withThreeNodesNoMemberIsLeftToStandIn() {
    ObjectNode ring = ring(new Snapshots(List.of("n1", "n2", "n3"), Set.of("n2")).build());
    assertThat(states(ring)).containsOnly("fallback");
    ring.get("fallbacks").forEach(f -> assertThat(f).isEmpty());
  }

  @Test
  void twoOfThreePrimariesDownIsBelowW() {
    ObjectNode ring = ring(new Snapshots(List.of("n1", "n2", "n3"), Set.of("n1", "n2")).build());
    assertThat(states(ring)).containsOnly("below-w");
  }

  private static ObjectNode ring(ClusterSnapshot snapshot) {
    return RingView.of(snapshot.routing(), Verdicts.of(snapshot));
  }

  private static List<String> states(ObjectNode ring) {
    List<String> states = new ArrayList<>();
    ring.get("states").forEach(s -> states.add(s.asText()));
    return states;
  }
}
