package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a user sees of failure detection, at default settings, in simulated clusters. */
@Timeout(120)
class FailureDetectionSimulationTest {

  @Test
  void aStoppedNodeIsMarkedDownByEveryOtherNodeWithinFifteenSeconds() {
    for (long seed = 1; seed <= 3; seed++) {
      List<Long> times = DetectionExperiment.detectionTimes(50, false, seed);
      assertThat(times).hasSize(49).allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(15_000));
    }
  }

  @Test
  void aStoppedNodeIsMarkedDownOnARoughNetworkToo() {
    // Loss and latency delay the last heartbeats: the tail reaches about 16 s (docs/gossip.md).
    List<Long> times = DetectionExperiment.detectionTimes(50, true, 4);
    assertThat(times).hasSize(49).allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(20_000));
  }

  @Test
  void noNodeIsFalselyMarkedDownUnder200MsJitterAndFivePercentLossForTenMinutes() {
    GossipSimulation sim = DetectionExperiment.warmCluster(40, true, 5);
    List<NodeId> ids = sim.running().stream().map(node -> node.id).toList();
    assertThat(sim.running()).allSatisfy(node -> assertThat(ids).allMatch(node.gossiper::isAlive));
    DetectionExperiment.Quiet quiet =
        DetectionExperiment.watch(sim, Duration.ofMinutes(10), Duration.ofMillis(500));
    System.out.printf(
        "40 nodes, 10 min, 0-200 ms latency, 5%% loss: worst phi %.2f%n", quiet.worstPhi());
    assertThat(quiet.downs()).isEmpty();
    assertThat(sim.running()).allSatisfy(node -> assertThat(node.gossiper.members()).hasSize(40));
  }

  @Test
  void aRestartedNodeIsRecognisedAsTheSameMemberUpAgain() {
    GossipSimulation sim = DetectionExperiment.warmCluster(20, false, 6);
    sim.stop("n7");
    sim.runFor(Duration.ofSeconds(30));
    NodeId n7 = NodeId.of("n7");
    assertThat(sim.running()).allSatisfy(node -> assertThat(node.gossiper.isAlive(n7)).isFalse());

    sim.start("n7", 2, List.of("n1:7000", "n2:7000", "n3:7000"));
    sim.runFor(Duration.ofSeconds(15));

    assertThat(sim.running())
        .hasSize(20)
        .allSatisfy(
            node -> {
              MemberView seen = node.gossiper.member(n7).orElseThrow();
              assertThat(seen.alive()).isTrue();
              assertThat(seen.generation()).isEqualTo(2);
              assertThat(node.gossiper.members()).hasSize(20);
            });
  }
}
