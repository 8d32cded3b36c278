package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DottedVersionVectorSetTest {
  private static final ActorId A = new ActorId(NodeId.of("n1"), 0xa);
  private static final ActorId B = new ActorId(NodeId.of("n2"), 0xb);

  private static byte[] bytes(String value) {
    return Replicas.bytes(value);
  }

  @Test
  void aKeyNobodyWroteHasNothing() {
    DottedVersionVectorSet empty = DottedVersionVectorSet.empty();

    assertThat(empty.size()).isZero();
    assertThat(empty.isFound()).isFalse();
    assertThat(empty.isTombstoneOnly()).isFalse();
    assertThat(empty.context()).isEqualTo(CausalContext.EMPTY);
  }

  @Test
  void aDerivedValueIsComputedOncePerSetAndOnlyOneKindIsKept() {
    DottedVersionVectorSet key =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 100, A);
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    String first = key.derived(String.class, s -> "digest" + calls.incrementAndGet());
    String second = key.derived(String.class, s -> "digest" + calls.incrementAndGet());
    Integer other = key.derived(Integer.class, s -> calls.incrementAndGet());
    Integer again = key.derived(Integer.class, s -> calls.incrementAndGet());

    assertThat(first).isEqualTo("digest1").isEqualTo(second);
    assertThat(other).isEqualTo(2);
    assertThat(again).as("a second kind is computed each time, never kept").isEqualTo(3);
    assertThat(key.derived(String.class, s -> "recomputed")).isEqualTo("digest1");
  }

  @Test
  void firstWriteGetsTheCoordinatorsFirstDot() {
    DottedVersionVectorSet key =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 100, A);

    assertThat(key.siblings()).containsExactly(Sibling.of(new Dot(A, 1), bytes("x"), 100));
    assertThat(key.context().versionVector()).isEqualTo(VersionVector.of(Map.of(A, 1L)));
    assertThat(key.isFound()).isTrue();
  }

  @Test
  void writeWithTheReadContextReplacesWhatWasRead() {
    DottedVersionVectorSet key =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 1, A);

    key = key.update(key.context(), bytes("y"), 2, A);

    assertThat(Replicas.live(key)).containsExactly("y");
    assertThat(key.siblings().get(0).dot()).isEqualTo(new Dot(A, 2));
  }

  @Test
  void concurrentWritesOnTwoReplicasBecomeSiblingsAfterSync() {
    DottedVersionVectorSet onA =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 1, A);
    DottedVersionVectorSet onB =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("y"), 1, B);

    DottedVersionVectorSet merged = onA.sync(onB);

    assertThat(Replicas.live(merged)).containsExactlyInAnyOrder("x", "y");
    assertThat(merged.context().versionVector()).isEqualTo(VersionVector.of(Map.of(A, 1L, B, 1L)));
  }

  @Test
  void syncDropsASiblingTheOtherReplicaSawSuperseded() {
    DottedVersionVectorSet onA =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 1, A);
    DottedVersionVectorSet onB = DottedVersionVectorSet.empty().sync(onA);
    onB = onB.update(onB.context(), bytes("y"), 2, B);

    assertThat(Replicas.live(onA.sync(onB))).containsExactly("y");
    assertThat(Replicas.live(onB.sync(onA))).containsExactly("y");
  }

  @Test
  void theNewDotIsNewToTheClientContextToo() {
    DottedVersionVectorSet elsewhere = DottedVersionVectorSet.empty();
    for (int i = 1; i <= 3; i++) {
      elsewhere = elsewhere.update(elsewhere.context(), bytes("v" + i), i, A);
    }

    DottedVersionVectorSet here =
        DottedVersionVectorSet.empty().update(elsewhere.context(), bytes("w"), 4, A);

    assertThat(here.siblings().get(0).dot()).isEqualTo(new Dot(A, 4));
  }

  @Test
  void deleteWithTheReadContextLeavesOnlyATombstone() {
    DottedVersionVectorSet key =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 1, A);

    key = key.delete(key.context(), 2, A);

    assertThat(key.isFound()).isFalse();
    assertThat(key.isTombstoneOnly()).isTrue();
    assertThat(key.values()).isEmpty();
    assertThat(key.siblings().get(0).value()).isEmpty();
  }

  @Test
  void deleteConcurrentWithAWriteKeepsTheWrite() {
    DottedVersionVectorSet base =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 1, A);
    DottedVersionVectorSet deleted = base.delete(base.context(), 2, A);
    DottedVersionVectorSet written =
        DottedVersionVectorSet.empty().sync(base).update(base.context(), bytes("y"), 2, B);

    DottedVersionVectorSet merged = deleted.sync(written);

    assertThat(merged.size()).isEqualTo(2);
    assertThat(merged.isFound()).isTrue();
    assertThat(merged.isTombstoneOnly()).isFalse();
    assertThat(Replicas.live(merged)).containsExactly("y");
  }

  @Test
  void writeWithTheTombstonesContextReplacesIt() {
    DottedVersionVectorSet key =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("x"), 1, A);
    key = key.delete(key.context(), 2, A);

    key = key.update(key.context(), bytes("again"), 3, A);

    assertThat(key.size()).isEqualTo(1);
    assertThat(Replicas.live(key)).containsExactly("again");
  }

  @Test
  void valuesAreCopiedInAndOut() {
    byte[] value = bytes("x");
    DottedVersionVectorSet key =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, value, 1, A);
    value[0] = 'z';
    key.values().get(0)[0] = 'z';
    key.siblings().get(0).value().orElseThrow()[0] = 'z';

    assertThat(Replicas.live(key)).containsExactly("x");
  }

  @Test
  void ofRejectsSiblingsTheContextDoesNotCoverOrThatShareADot() {
    CausalContext context = CausalContext.of(VersionVector.of(Map.of(A, 1L)));
    Sibling first = Sibling.of(new Dot(A, 1), bytes("x"), 1);

    assertThatThrownBy(
            () ->
                DottedVersionVectorSet.of(
                    context, List.of(Sibling.of(new Dot(A, 2), bytes("x"), 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not cover");
    assertThatThrownBy(
            () ->
                DottedVersionVectorSet.of(
                    context, List.of(first, Sibling.tombstone(new Dot(A, 1), 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share the dot");
  }

  @Test
  void ofSortsSiblingsSoEqualSetsAreEqual() {
    CausalContext context = CausalContext.of(VersionVector.of(Map.of(A, 1L, B, 1L)));
    Sibling a = Sibling.of(new Dot(A, 1), bytes("x"), 1);
    Sibling b = Sibling.of(new Dot(B, 1), bytes("y"), 1);

    assertThat(DottedVersionVectorSet.of(context, List.of(b, a)))
        .isEqualTo(DottedVersionVectorSet.of(context, List.of(a, b)))
        .hasSameHashCodeAs(DottedVersionVectorSet.of(context, List.of(a, b)));
  }
}
