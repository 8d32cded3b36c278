package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StorageByteBudgetTest {

  @Test
  void aWriteThatWouldPassTheLimitIsRefusedAndOneThatFitsAfterAReleaseIsTaken() {
    StorageByteBudget budget = new StorageByteBudget(1000);

    assertThat(budget.tryAcquire(600)).isTrue();
    assertThat(budget.tryAcquire(401)).isFalse();
    assertThat(budget.tryAcquire(400)).isTrue();
    assertThat(budget.held()).isEqualTo(1000);

    budget.release(600);
    assertThat(budget.tryAcquire(600)).isTrue();
  }

  @Test
  void aWriteLargerThanTheWholeBudgetGetsInOnlyWhenNothingElseIsHeld() {
    StorageByteBudget budget = new StorageByteBudget(1000);

    assertThat(budget.tryAcquire(5000)).as("alone: let in, or it never could be").isTrue();
    assertThat(budget.tryAcquire(1)).isFalse();
    budget.release(5000);
    assertThat(budget.tryAcquire(1)).isTrue();
    assertThat(budget.tryAcquire(5000)).isFalse();
  }

  @Property(tries = 300)
  void heldBytesStayWithinTheLimitAndReturnToZero(
      @ForAll @LongRange(min = 1, max = 10_000) long limit,
      @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 5_000) Integer> writes) {
    StorageByteBudget budget = new StorageByteBudget(limit);
    List<Integer> taken = new ArrayList<>();
    for (int bytes : writes) {
      if (budget.tryAcquire(bytes)) {
        taken.add(bytes);
      }
      long nonEmpty = taken.stream().filter(b -> b > 0).count();
      assertThat(budget.held() <= limit || nonEmpty == 1)
          .as("over the limit only by one write let in alone")
          .isTrue();
    }
    taken.forEach(budget::release);
    assertThat(budget.held()).isZero();
  }
}
