package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Sync is a join: replicas that exchange states in any order, any grouping and any number of times
 * end up equal. States come from random histories of writes, deletes, reads and syncs on 2-4
 * replicas.
 */
class SyncProperties {
  @Provide
  Arbitrary<List<Op>> history() {
    return Histories.histories(40);
  }

  private static List<DottedVersionVectorSet> states(int replicas, long seed, List<Op> history) {
    Replicas cluster = Replicas.create(replicas, seed);
    history.forEach(cluster::apply);
    List<DottedVersionVectorSet> states = new ArrayList<>(cluster.snapshots());
    states.add(DottedVersionVectorSet.empty());
    return states;
  }

  private static DottedVersionVectorSet pick(List<DottedVersionVectorSet> states, int index) {
    return states.get(index % states.size());
  }

  @Property(tries = 300)
  void syncIsCommutative(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("history") List<Op> history,
      @ForAll @IntRange(max = 1000) int x,
      @ForAll @IntRange(max = 1000) int y) {
    List<DottedVersionVectorSet> states = states(replicas, seed, history);
    DottedVersionVectorSet a = pick(states, x);
    DottedVersionVectorSet b = pick(states, y);

    assertThat(a.sync(b)).isEqualTo(b.sync(a));
  }

  @Property(tries = 300)
  void syncIsAssociative(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("history") List<Op> history,
      @ForAll @IntRange(max = 1000) int x,
      @ForAll @IntRange(max = 1000) int y,
      @ForAll @IntRange(max = 1000) int z) {
    List<DottedVersionVectorSet> states = states(replicas, seed, history);
    DottedVersionVectorSet a = pick(states, x);
    DottedVersionVectorSet b = pick(states, y);
    DottedVersionVectorSet c = pick(states, z);

    assertThat(a.sync(b).sync(c)).isEqualTo(a.sync(b.sync(c)));
  }

  @Property(tries = 300)
  void syncIsIdempotent(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("history") List<Op> history,
      @ForAll @IntRange(max = 1000) int x,
      @ForAll @IntRange(max = 1000) int y) {
    List<DottedVersionVectorSet> states = states(replicas, seed, history);
    DottedVersionVectorSet a = pick(states, x);
    DottedVersionVectorSet b = pick(states, y);

    assertThat(a.sync(a)).isEqualTo(a);
    assertThat(a.sync(b).sync(b)).isEqualTo(a.sync(b));
  }

  @Property(tries = 300)
  void replicasThatSyncedWithEveryoneAgree(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("history") List<Op> history) {
    Replicas cluster = Replicas.create(replicas, seed);
    history.forEach(cluster::apply);

    cluster.syncAll();

    for (int i = 1; i < replicas; i++) {
      assertThat(cluster.state(i)).isEqualTo(cluster.state(0));
    }
  }
}
