package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Riak kv679 "lost writes after disk loss": node A writes a key three times, B replicates it, A
 * loses its disk and, empty, coordinates a new write. Reusing A's actor gives that write the dot
 * {@code (A,1)}, which B's context already covers, so B drops it as superseded and A adopts B's
 * state: an acknowledged write vanishes. A new incarnation gives it a fresh actor instead.
 */
@Timeout(10)
class Kv679Test {
  private static final NodeId NODE_A = NodeId.of("n1");
  private static final ActorId A_BEFORE_LOSS = new ActorId(NODE_A, 0x1111_2222_3333_4444L);
  private static final ActorId A_AFTER_LOSS = new ActorId(NODE_A, 0x5555_6666_7777_8888L);
  private static final ActorId B = new ActorId(NodeId.of("n2"), 0x0b0bL);

  /** A's and B's states after A wrote v1, v2, v3 (each over the last) and B synced. */
  private static DottedVersionVectorSet replicatedHistory() {
    DottedVersionVectorSet a = DottedVersionVectorSet.empty();
    for (int i = 1; i <= 3; i++) {
      a = a.update(a.context(), Replicas.bytes("v" + i), i, A_BEFORE_LOSS);
    }
    return DottedVersionVectorSet.empty().sync(a);
  }

  @Test
  void reusingTheActorAfterDiskLossSilentlyDropsTheNextWrite() {
    DottedVersionVectorSet b = replicatedHistory();

    DottedVersionVectorSet a =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, Replicas.bytes("after-loss"), 4, A_BEFORE_LOSS);
    assertThat(a.siblings().get(0).dot()).isEqualTo(new Dot(A_BEFORE_LOSS, 1));
    assertThat(b.context().covers(new Dot(A_BEFORE_LOSS, 1))).isTrue();
    b = b.sync(a);
    a = a.sync(b);

    assertThat(Replicas.live(a)).containsExactly("v3");
    assertThat(Replicas.live(b)).containsExactly("v3");
  }

  @Test
  void newIncarnationAfterDiskLossKeepsTheNextWrite() {
    DottedVersionVectorSet b = replicatedHistory();

    DottedVersionVectorSet a =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, Replicas.bytes("after-loss"), 4, A_AFTER_LOSS);
    b = b.sync(a);
    a = a.sync(b);

    assertThat(Replicas.live(a)).containsExactlyInAnyOrder("v3", "after-loss");
    assertThat(b).isEqualTo(a);
  }
}
