package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With 1,000 nodes a change reaches every node in O(log n) rounds: at most 15 at the median. A few
 * trials here; {@link GossipReport} runs many more for docs/gossip.md.
 */
@Timeout(120)
class GossipPropagationTest {

  @Test
  void aChangeReachesAThousandNodesWithinFifteenRoundsAtTheMedian() {
    PropagationExperiment.Result result = PropagationExperiment.run(1_000, 8, 4, 42);

    Distribution change = Distribution.of(result.stateChange());
    Distribution join = Distribution.of(result.join());
    System.out.println("1000 nodes, state change: " + change + "; join: " + join);
    assertThat(change.median()).isLessThanOrEqualTo(15);
    assertThat(join.median()).isLessThanOrEqualTo(15);
    assertThat(change.max()).as("every change arrived everywhere").isLessThan(30);
    assertThat(join.max()).as("every join arrived everywhere").isLessThan(30);
  }
}
