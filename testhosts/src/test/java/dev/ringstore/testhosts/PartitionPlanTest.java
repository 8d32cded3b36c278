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
class PartitionPlanTest {
  private static final List<String> HOSTS = List.of("s1", "s2", "s3", "s4", "s5", "c1", "c2");

  @Test
  void twoSidesOfTheAvailabilityBenchmarkGetABridgeEach() {
    Map<String, Integer> bridges =
        PartitionPlan.bridges(
            HOSTS, List.of(Set.of("s1", "s2", "c1"), Set.of("s3", "s4", "s5", "c2")));
    assertThat(bridges)
        .containsExactly(
            Map.entry("s1", 0),
            Map.entry("s2", 0),
            Map.entry("s3", 1),
            Map.entry("s4", 1),
            Map.entry("s5", 1),
            Map.entry("c1", 0),
            Map.entry("c2", 1));
  }

  @Test
  void hostsInNoSideAreEachAlone() {
    Map<String, Integer> bridges =
        PartitionPlan.bridges(List.of("a", "b", "c", "d"), List.of(Set.of("b", "c")));
    assertThat(bridges)
        .containsExactly(
            Map.entry("a", 1), Map.entry("b", 0), Map.entry("c", 0), Map.entry("d", 2));
  }

  @Test
  void healedIsEveryoneOnBridgeZero() {
    assertThat(PartitionPlan.healed(List.of("a", "b")).values()).containsExactly(0, 0);
  }

  @Test
  void rejectsUnknownHostsOverlappingSidesAndEmptySides() {
    assertThatThrownBy(() -> PartitionPlan.bridges(HOSTS, List.of(Set.of("zz"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PartitionPlan.bridges(HOSTS, List.of(Set.of("s1"), Set.of("s1"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PartitionPlan.bridges(HOSTS, List.of(Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
