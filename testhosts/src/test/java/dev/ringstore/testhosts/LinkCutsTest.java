package dev.ringstore.testhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LinkCutsTest {
  @Test
  void inARingOfFiveEachHostLosesExactlyTheTwoThatAreNotItsNeighbours() {
    Map<String, Set<String>> cuts = LinkCuts.ring(List.of("a", "b", "c", "d", "e"));
    assertThat(cuts)
        .containsEntry("a", Set.of("c", "d"))
        .containsEntry("b", Set.of("d", "e"))
        .containsEntry("c", Set.of("e", "a"))
        .containsEntry("d", Set.of("a", "b"))
        .containsEntry("e", Set.of("b", "c"));
  }

  @Test
  void cutsAreSymmetricSoNoHostHearsAPeerItCannotAnswer() {
    Map<String, Set<String>> cuts = LinkCuts.ring(List.of("a", "b", "c", "d", "e", "f"));
    cuts.forEach((host, far) -> far.forEach(peer -> assertThat(cuts.get(peer)).contains(host)));
  }

  @Test
  void aRingTooSmallToHaveNonNeighboursIsRefused() {
    assertThatThrownBy(() -> LinkCuts.ring(List.of("a", "b", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4");
  }
}
