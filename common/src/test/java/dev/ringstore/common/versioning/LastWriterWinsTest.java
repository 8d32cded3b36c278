package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LastWriterWinsTest {
  private static final ActorId A = new ActorId(NodeId.of("n1"), 0xa);
  private static final ActorId B = new ActorId(NodeId.of("n2"), 0xb);

  /**
   * Alice writes through n1 and Bob through n2 at about the same time, neither with a context. Both
   * get an acknowledgement. Siblings keep both values; last-writer-wins keeps Bob's only, because
   * n2's clock read one millisecond later, and Alice's value is gone on every replica it reaches.
   */
  @Test
  void dropsAnAcknowledgedConcurrentWrite() {
    DottedVersionVectorSet onA =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, Replicas.bytes("alice"), 1_700_000_000_001L, A);
    DottedVersionVectorSet onB =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, Replicas.bytes("bob"), 1_700_000_000_002L, B);
    DottedVersionVectorSet siblings = onA.sync(onB);
    assertThat(Replicas.live(siblings)).containsExactlyInAnyOrder("alice", "bob");

    DottedVersionVectorSet resolved = LastWriterWins.INSTANCE.resolve(siblings);

    assertThat(Replicas.live(resolved)).containsExactly("bob");
    assertThat(resolved.context()).isEqualTo(siblings.context());
    assertThat(Replicas.live(onA.sync(resolved))).containsExactly("bob");
    assertThat(Replicas.live(resolved.sync(onA).sync(onB))).containsExactly("bob");
  }

  @Test
  void breaksTimestampTiesByTheGreaterDot() {
    DottedVersionVectorSet siblings =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, Replicas.bytes("from-n2"), 5, B)
            .update(CausalContext.EMPTY, Replicas.bytes("from-n1"), 5, A);

    assertThat(Replicas.live(LastWriterWins.INSTANCE.resolve(siblings))).containsExactly("from-n2");
  }

  @Test
  void keepsALatestTombstone() {
    DottedVersionVectorSet siblings =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, Replicas.bytes("x"), 1, A)
            .delete(CausalContext.EMPTY, 2, B);

    assertThat(LastWriterWins.INSTANCE.resolve(siblings).isTombstoneOnly()).isTrue();
  }

  @Test
  void leavesASingleSiblingAlone() {
    DottedVersionVectorSet one =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, Replicas.bytes("x"), 1, A);

    assertThat(LastWriterWins.INSTANCE.resolve(one)).isSameAs(one);
    assertThat(LastWriterWins.INSTANCE.resolve(DottedVersionVectorSet.empty()))
        .isEqualTo(DottedVersionVectorSet.empty());
  }
}
