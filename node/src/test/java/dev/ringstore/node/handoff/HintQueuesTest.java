package dev.ringstore.node.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.storage.HintGrowth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The queues the node report lists: every target with hints held, none that emptied. */
@Timeout(30)
class HintQueuesTest {
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");

  @Test
  void listsEachTargetWithHintsInTargetOrderAndDropsOneThatEmptied() {
    HintQueues queues = new HintQueues(new SimpleMeterRegistry());
    queues.stored(N3, new HintGrowth(0, 40));
    queues.stored(N2, new HintGrowth(0, 10));
    queues.stored(N2, new HintGrowth(0, 20));
    queues.stored(N2, new HintGrowth(20, 25)); // merged into a hint already held
    assertThat(queues.held())
        .containsExactly(new HintQueues.Held(N2, 2, 35), new HintQueues.Held(N3, 1, 40));

    queues.deleted(N3, 40);
    assertThat(queues.held()).containsExactly(new HintQueues.Held(N2, 2, 35));
  }
}
