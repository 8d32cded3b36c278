package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.bench.compare.RoundSchedule.Side;
import dev.ringstore.bench.compare.RoundSchedule.Slot;
import dev.ringstore.bench.compare.SystemRuns.Variant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RoundScheduleTest {
  private static final Variant RINGSTORE =
      new Variant("fsync", "N3 R2 W2", new Properties(), List.of());
  private static final Variant LINEARIZABLE =
      new Variant("fsync", "linearizable", new Properties(), List.of());
  private static final Variant SERIALIZABLE =
      new Variant("fsync", "serializable", new Properties(), List.of("C"));

  @Test
  void eachWorkloadRunsOnBothSystemsBackToBackAndWhoGoesFirstAlternatesByRound() {
    List<Slot> slots =
        new RoundSchedule(2, List.of("A", "C"))
            .slots(RINGSTORE, List.of(LINEARIZABLE, SERIALIZABLE));

    assertThat(slots)
        .extracting(s -> s.round() + " " + s.workload() + " " + name(s))
        .containsExactly(
            "1 A ringstore",
            "1 A linearizable",
            "1 C ringstore",
            "1 C linearizable",
            "1 C serializable",
            "2 A linearizable",
            "2 A ringstore",
            "2 C linearizable",
            "2 C serializable",
            "2 C ringstore");
  }

  @Test
  void aRoundCountBelowOneIsRefused() {
    assertThatThrownBy(() -> new RoundSchedule(0, List.of("A")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static String name(Slot slot) {
    return slot.side() == Side.RINGSTORE ? "ringstore" : slot.variant().variant();
  }
}
