package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.MemberView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gossip's failure detector inside real nodes: the clock is moved by hand, 100 ms per 100 ms of
 * gossip rounds, so what is judged happens on the detector's own time.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GossipDetectionTest {
  private static final NodeId N3 = NodeId.of("n3");

  @Test
  void anIsolatedNodeIsJudgedDownByEveryOtherWithin15sAndUpAgainAfterTheHeal() throws Exception {
    MiniCluster.runWithNewCluster(
        4,
        cluster -> {
          List<String> others = List.of("n1", "n2", "n4");
          runFor(cluster, Duration.ofSeconds(5));
          others.forEach(id -> assertThat(alive(cluster, id, N3)).isTrue());

          cluster.isolate("n3");
          Duration took = Duration.ZERO;
          while (!others.stream().noneMatch(id -> alive(cluster, id, N3))
              && took.compareTo(Duration.ofSeconds(30)) < 0) {
            runFor(cluster, Duration.ofMillis(500));
            took = took.plusMillis(500);
          }
          assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(15));
          others.forEach(
              id ->
                  assertThat(cluster.node(id).node().membership().member(N3))
                      .get()
                      .extracting(MemberView::alive)
                      .isEqualTo(false));

          cluster.network().heal();
          runFor(cluster, Duration.ofSeconds(5));
          others.forEach(id -> assertThat(alive(cluster, id, N3)).as("on %s", id).isTrue());
          assertThat(cluster.node("n3").node().membership().members())
              .extracting(MemberView::alive)
              .containsOnly(true);
        });
  }

  @Test
  void aRestartedNodeIsTheSameMemberWithAHigherGeneration() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          runFor(cluster, Duration.ofSeconds(2));
          long before = cluster.node("n1").node().membership().member(N3).get().generation();
          cluster.kill("n3");
          cluster.restart("n3");
          runFor(cluster, Duration.ofSeconds(3));
          MemberView seen = cluster.node("n1").node().membership().member(N3).get();
          assertThat(seen.generation()).isGreaterThan(before);
          assertThat(seen.alive()).isTrue();
          assertThat(cluster.node("n1").node().membership().members()).hasSize(3);
        });
  }

  private static boolean alive(MiniCluster cluster, String on, NodeId about) {
    return cluster.node(on).node().membership().member(about).map(MemberView::alive).orElse(false);
  }

  /** Lets gossip run for {@code span} of detector time: 100 ms of clock per 100 ms of rounds. */
  private static void runFor(MiniCluster cluster, Duration span) throws InterruptedException {
    for (long step = 0; step < span.toMillis(); step += 100) {
      cluster.clock().advance(Duration.ofMillis(100));
      Thread.sleep(100);
    }
  }
}
