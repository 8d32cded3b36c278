package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.cluster.ReachabilityTracker;
import dev.ringstore.node.cluster.StaticClusterView;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.ring.RingSettings;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplicaPlannerTest {
  private static final NodeId SELF = NodeId.of("n1");

  private final Map<NodeId, InetSocketAddress> peers = peers(8);
  private final StaticClusterView cluster =
      new StaticClusterView(SELF, peers, new RingSettings(256, 3, 16));
  private final ReachabilityTracker liveness =
      new ReachabilityTracker(SELF, InstantSource.fixed(Instant.EPOCH));
  private final ReplicaPlanner planner = new ReplicaPlanner(cluster, liveness);

  @Test
  void withEveryoneUpTheTargetsAreThePrimariesInPreferenceOrder() {
    ReplicaPlan plan = planner.plan(7, quorum(RequestOptions.getDefaultInstance()));
    assertThat(plan.targets()).extracting(Target::node).isEqualTo(plan.primaries());
    assertThat(plan.primaries()).isEqualTo(cluster.table().preferenceList(7).nodes());
    assertThat(plan.spares()).hasSize(5).doesNotContainAnyElementsOf(plan.primaries());
  }

  @Test
  void aDownPrimaryIsReplacedByAFallbackOutsideThePreferenceListOnlyWhenSloppy() {
    List<NodeId> primaries = cluster.table().preferenceList(7).nodes();
    liveness.reportFailure(primaries.get(1));

    ReplicaPlan sloppy = planner.plan(7, quorum(RequestOptions.getDefaultInstance()));
    assertThat(sloppy.livePrimaries()).isEqualTo(2);
    Target fallback = sloppy.targets().get(2);
    assertThat(fallback.isPrimary()).isFalse();
    assertThat(fallback.standsInFor()).isEqualTo(primaries.get(1));
    assertThat(primaries).doesNotContain(fallback.node());

    ReplicaPlan strict =
        planner.plan(7, quorum(RequestOptions.newBuilder().setSloppy(false).build()));
    assertThat(strict.targets())
        .extracting(Target::node)
        .containsExactly(primaries.get(0), primaries.get(2));
    assertThat(strict.spares()).isEmpty();
  }

  @Test
  void oneDeadNodesFallbacksSpreadOverTheClusterRatherThanOneNeighbour() {
    NodeId dead = NodeId.of("n5");
    liveness.reportFailure(dead);
    Map<NodeId, Integer> standIns = new HashMap<>();
    for (int bucket = 0; bucket < 256; bucket++) {
      for (Target target :
          planner.plan(bucket, quorum(RequestOptions.getDefaultInstance())).targets()) {
        if (!target.isPrimary()) {
          standIns.merge(target.node(), 1, Integer::sum);
        }
      }
    }
    assertThat(standIns.keySet()).hasSizeGreaterThanOrEqualTo(5).doesNotContain(dead);
  }

  private Quorum quorum(RequestOptions options) {
    return Quorum.write(options, planner.replicationFactor(), ClusterSettings.SINGLE_NODE);
  }

  private static Map<NodeId, InetSocketAddress> peers(int count) {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      peers.put(NodeId.of("n" + i), InetSocketAddress.createUnresolved("localhost", 7200 + i));
    }
    return peers;
  }
}
