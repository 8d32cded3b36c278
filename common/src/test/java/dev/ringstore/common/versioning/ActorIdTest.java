package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ActorIdTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");

  @Test
  void readsAsNodeIdHashSixteenHexDigits() {
    assertThat(new ActorId(N1, 0x5f3aL)).hasToString("n1#0000000000005f3a");
    assertThat(new ActorId(N1, -1L)).hasToString("n1#ffffffffffffffff");
  }

  @Test
  void parsesItsTextForm() {
    ActorId actor = new ActorId(NodeId.of("db-7.eu"), 0x8000_0000_0000_0001L);

    assertThat(ActorId.parse(actor.toString())).isEqualTo(actor);
    assertThatThrownBy(() -> ActorId.parse("n1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActorId.parse("n1#5f3a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActorId.parse("#0000000000005f3a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersByNodeThenUnsignedIncarnation() {
    ActorId n1Low = new ActorId(N1, 1);
    ActorId n1High = new ActorId(N1, -1); // 0xffff..., the greatest unsigned
    ActorId n2 = new ActorId(N2, 0);

    assertThat(List.of(n2, n1High, n1Low).stream().sorted()).containsExactly(n1Low, n1High, n2);
  }

  @Test
  void aNewDataDirGetsANewActorForTheSameNode() {
    Random random = new Random(42);
    ActorId before = ActorId.newIncarnation(N1, random);
    ActorId after = ActorId.newIncarnation(N1, random);

    assertThat(after.node()).isEqualTo(before.node());
    assertThat(after).isNotEqualTo(before);
  }
}
