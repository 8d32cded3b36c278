package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class VersionVectorTest {
  private static final ActorId A = new ActorId(NodeId.of("n1"), 1);
  private static final ActorId B = new ActorId(NodeId.of("n2"), 2);
  private static final ActorId C = new ActorId(NodeId.of("n3"), 3);

  @Test
  void countsAndCoversContiguousHistories() {
    VersionVector vector = VersionVector.of(Map.of(A, 3L));

    assertThat(vector.counter(A)).isEqualTo(3);
    assertThat(vector.counter(B)).isZero();
    assertThat(vector.covers(new Dot(A, 1))).isTrue();
    assertThat(vector.covers(new Dot(A, 3))).isTrue();
    assertThat(vector.covers(new Dot(A, 4))).isFalse();
    assertThat(vector.covers(new Dot(B, 1))).isFalse();
  }

  @Test
  void mergeIsThePointwiseMaximum() {
    VersionVector left = VersionVector.of(Map.of(A, 3L, B, 1L));
    VersionVector right = VersionVector.of(Map.of(B, 4L, C, 2L));

    assertThat(left.merge(right)).isEqualTo(VersionVector.of(Map.of(A, 3L, B, 4L, C, 2L)));
  }

  @Test
  void descendsWhenItHasSeenEverythingTheOtherHas() {
    VersionVector older = VersionVector.of(Map.of(A, 1L));
    VersionVector newer = VersionVector.of(Map.of(A, 2L, B, 1L));
    VersionVector concurrent = VersionVector.of(Map.of(C, 1L));

    assertThat(newer.descends(older)).isTrue();
    assertThat(older.descends(newer)).isFalse();
    assertThat(newer.descends(concurrent)).isFalse();
    assertThat(concurrent.descends(newer)).isFalse();
    assertThat(older.descends(VersionVector.empty())).isTrue();
  }

  @Test
  void incrementIssuesTheNextDot() {
    VersionVector vector = VersionVector.of(Map.of(A, 3L));

    assertThat(vector.nextDot(A)).isEqualTo(new Dot(A, 4));
    assertThat(vector.nextDot(B)).isEqualTo(new Dot(B, 1));
    assertThat(vector.increment(B).counter(B)).isEqualTo(1);
    assertThat(vector.increment(A).counter(A)).isEqualTo(4);
  }

  @Test
  void iteratesInActorOrder() {
    VersionVector vector = VersionVector.of(Map.of(C, 1L, A, 1L, B, 1L));

    assertThat(vector.actors()).containsExactly(A, B, C);
    assertThat(vector.asMap().keySet()).containsExactly(A, B, C);
  }

  @Test
  void rejectsCountersBelowOne() {
    assertThatThrownBy(() -> VersionVector.of(Map.of(A, 0L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void vectorsAreEqualExactlyWhenTheyHoldTheSameActorsWithTheSameCounters() {
    VersionVector ab = VersionVector.of(Map.of(A, 3L, B, 1L));

    assertThat(ab)
        .isEqualTo(VersionVector.of(Map.of(B, 1L, A, 3L)))
        .hasSameHashCodeAs(VersionVector.of(Map.of(B, 1L, A, 3L)));
    assertThat(ab)
        .isEqualTo(VersionVector.of(Map.of(A, 2L)).merge(VersionVector.of(Map.of(A, 3L, B, 1L))));
    assertThat(ab).isNotEqualTo(VersionVector.of(Map.of(A, 3L, B, 2L)));
    assertThat(ab).isNotEqualTo(VersionVector.of(Map.of(A, 3L, C, 1L)));
    assertThat(ab).isNotEqualTo(VersionVector.of(Map.of(A, 3L)));
    assertThat(ab).isNotEqualTo(VersionVector.of(Map.of(A, 3L, B, 1L, C, 1L)));
    assertThat(ab).isNotEqualTo(VersionVector.empty()).isNotEqualTo("{n1=3, n2=1}");
    assertThat(VersionVector.of(Map.of())).isEqualTo(VersionVector.empty());
  }
}
