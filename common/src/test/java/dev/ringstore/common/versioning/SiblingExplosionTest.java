package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SiblingExplosionTest {
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 0x5f3aL);

  @Test
  void writesWithoutContextAccumulateSiblingsUntilAReadModifyWriteCollapsesThem() {
    DottedVersionVectorSet key = DottedVersionVectorSet.empty();
    for (int i = 1; i <= 5; i++) {
      key = key.update(CausalContext.EMPTY, Replicas.bytes("v" + i), i, N1);
      assertThat(key.size()).isEqualTo(i);
    }

    CausalContext read = key.context();
    key = key.update(read, Replicas.bytes("merged"), 6, N1);

    assertThat(Replicas.live(key)).containsExactly("merged");
  }

  /** riak_test sibling_explosion: 100 alternating writes, each with the writer's last response. */
  @Test
  void riakSiblingExplosionScenarioEndsWithTwoSiblingsHoldingEveryWrite() {
    RacingClients clients = new RacingClients(2);
    for (int i = 0; i < 100; i++) {
      clients.write(i % 2);
    }

    assertThat(clients.state().size()).isEqualTo(2);
    assertThat(clients.maxSiblings()).isEqualTo(2);
    assertThat(RacingClients.union(clients.state()))
        .isEqualTo(IntStream.rangeClosed(1, 100).boxed().collect(Collectors.toSet()));
  }
}
