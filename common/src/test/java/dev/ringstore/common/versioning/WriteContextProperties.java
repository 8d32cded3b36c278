package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What a write's context means to the user: with the context of a read it supersedes exactly what
 * that read returned; without a context it supersedes nothing.
 */
class WriteContextProperties {
  @Provide
  Arbitrary<List<Op>> history() {
    return Histories.histories(30);
  }

  @Provide
  Arbitrary<List<Op>> contextFreeHistory() {
    return Histories.contextFreeHistories(40);
  }

  /**
   * A client reads from a replica; other writes (with or without contexts) and syncs happen; the
   * client then writes through the same replica with its read's context. Afterwards the replica
   * holds what it held just before the write, minus what the read returned, plus the new value.
   */
  @Property(tries = 300)
  void writeWithReadContextSupersedesExactlyWhatTheReadReturned(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("history") List<Op> before,
      @ForAll @IntRange(max = 1000) int reader,
      @ForAll("history") List<Op> concurrently) {
    Replicas cluster = Replicas.create(replicas, seed);
    before.forEach(cluster::apply);
    int replica = reader % replicas;
    Replicas.Read read = cluster.get(replica);
    concurrently.forEach(cluster::apply);
    DottedVersionVectorSet beforeWrite = cluster.state(replica);

    String written = cluster.put(replica, read.context());

    Set<String> expected = new LinkedHashSet<>(Replicas.live(beforeWrite));
    expected.removeAll(read.values());
    expected.add(written);
    assertThat(Replicas.live(cluster.state(replica))).isEqualTo(expected);
    long keptSiblings =
        beforeWrite.siblings().stream().filter(s -> !read.dots().contains(s.dot())).count();
    assertThat(cluster.state(replica).size()).isEqualTo(keptSiblings + 1);
  }

  @Property(tries = 300)
  void writeWithoutContextKeepsEverySibling(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("history") List<Op> history,
      @ForAll @IntRange(max = 1000) int writer) {
    Replicas cluster = Replicas.create(replicas, seed);
    history.forEach(cluster::apply);
    int replica = writer % replicas;
    DottedVersionVectorSet before = cluster.state(replica);

    String written = cluster.put(replica, CausalContext.EMPTY);

    Set<String> expected = new LinkedHashSet<>(Replicas.live(before));
    expected.add(written);
    assertThat(Replicas.live(cluster.state(replica))).isEqualTo(expected);
    assertThat(cluster.state(replica).siblings()).containsAll(before.siblings());
  }

  /** Across replicas too: when nobody writes with a context, every value survives full sync. */
  @Property(tries = 300)
  void writesWithoutContextAreNeverLostAcrossReplicas(
      @ForAll @IntRange(min = 2, max = 4) int replicas,
      @ForAll long seed,
      @ForAll("contextFreeHistory") List<Op> history) {
    Replicas cluster = Replicas.create(replicas, seed);
    history.forEach(cluster::apply);

    cluster.syncAll();

    for (int i = 0; i < replicas; i++) {
      assertThat(Replicas.live(cluster.state(i)))
          .containsExactlyInAnyOrderElementsOf(cluster.written());
    }
  }
}
