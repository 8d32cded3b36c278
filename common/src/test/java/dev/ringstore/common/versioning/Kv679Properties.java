package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Riak's kv679: a node that lost its disk must not issue dots that replicas which kept their data
 * have already seen. With a new incarnation its first write after the loss is new to everyone and
 * survives every sync. {@link Kv679Test} shows the loss when the actor is reused.
 */
class Kv679Properties {
  private static final int A = 0;

  @Provide
  Arbitrary<List<Op>> history() {
    return Histories.histories(30);
  }

  @Provide
  Arbitrary<List<Op>> afterwards() {
    return Histories.contextFreeHistories(20);
  }

  @Property(tries = 300)
  void firstWriteAfterDiskLossWithNewIncarnationSurvivesEverywhere(
      @ForAll long seed,
      @ForAll("history") List<Op> history,
      @ForAll @IntRange(min = 1, max = 5) int writesBeforeLoss,
      @ForAll long newIncarnation,
      @ForAll("afterwards") List<Op> afterwards) {
    Replicas cluster = Replicas.create(3, seed);
    Assume.that(cluster.actor(A).incarnation() != newIncarnation);
    history.forEach(cluster::apply);
    for (int i = 0; i < writesBeforeLoss; i++) {
      cluster.put(A, cluster.get(A).context());
    }
    cluster.syncAll();
    List<DottedVersionVectorSet> beforeLoss = new ArrayList<>(cluster.snapshots());

    cluster.wipe(A, new ActorId(NodeId.of("n1"), newIncarnation));
    String afterLoss = cluster.put(A, CausalContext.EMPTY);
    Dot newDot = cluster.state(A).siblings().get(0).dot();
    afterwards.forEach(cluster::apply);
    cluster.syncAll();

    assertThat(beforeLoss).noneMatch(state -> state.context().covers(newDot));
    for (int i = 0; i < cluster.size(); i++) {
      assertThat(Replicas.live(cluster.state(i))).contains(afterLoss);
    }
  }
}
