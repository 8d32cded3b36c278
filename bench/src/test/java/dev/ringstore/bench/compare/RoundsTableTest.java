package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ringstore.bench.compare.InterleavedRuns.RoundRun;
import dev.ringstore.bench.compare.RoundsTable.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTableTest {
  /**
   * Three rounds in which the machine drifts: both systems are twice as fast in round 2 as in round
   * 1, so medians of each system's throughput would pair windows far apart; the ratio of adjacent
   * windows is what the table reports.
   */
  private static final List<RoundRun> RUNS =
      List.of(
          new RoundRun(1, FakeRuns.unthrottled("ringstore fsync", "A", 10_000, 12, 0.10)),
          new RoundRun(1, FakeRuns.unthrottled("etcd linearizable", "A", 4_000, 30, 0.30)),
          new RoundRun(1, FakeRuns.unthrottled("ringstore fsync", "C", 30_000, 5, 0.03)),
          new RoundRun(1, FakeRuns.unthrottled("etcd linearizable", "C", 12_000, 9, 0.10)),
          new RoundRun(1, FakeRuns.unthrottled("etcd serializable", "C", 15_000, 8, 0.08)),
          new RoundRun(2, FakeRuns.unthrottled("etcd linearizable", "A", 8_000, 20, 0.25)),
          new RoundRun(2, FakeRuns.unthrottled("ringstore fsync", "A", 24_000, 10, 0.09)),
          new RoundRun(2, FakeRuns.unthrottled("etcd linearizable", "C", 20_000, 8, 0.09)),
          new RoundRun(2, FakeRuns.unthrottled("etcd serializable", "C", 30_000, 7, 0.07)),
          new RoundRun(2, FakeRuns.unthrottled("ringstore fsync", "C", 45_000, 4, 0.03)),
          new RoundRun(3, FakeRuns.unthrottled("ringstore fsync", "A", 9_000, 14, 0.11)),
          new RoundRun(3, FakeRuns.unthrottled("etcd linearizable", "A", 5_000, 28, 0.28)),
          new RoundRun(3, FakeRuns.unthrottled("ringstore fsync", "C", 28_000, 5, 0.04)),
          new RoundRun(3, FakeRuns.unthrottled("etcd linearizable", "C", 13_000, 9, 0.10)),
          new RoundRun(3, FakeRuns.unthrottled("etcd serializable", "C", 16_000, 8, 0.08)));

  @Test
  void eachRoundPairsRingstoreWithTheEtcdWindowsOfTheSameRoundAndWorkload() {
    List<Pair> pairs = RoundsTable.pairs(RUNS);

    assertThat(pairs)
        .extracting(
            p -> p.ringstore().workload() + " " + p.etcd().variant() + " " + p.round(), Pair::ratio)
        .containsExactly(
            tuple("A linearizable 1", 2.5),
            tuple("A linearizable 2", 3.0),
            tuple("A linearizable 3", 1.8),
            tuple("C linearizable 1", 2.5),
            tuple("C linearizable 2", 2.25),
            tuple("C linearizable 3", 28_000 / 13_000.0),
            tuple("C serializable 1", 2.0),
            tuple("C serializable 2", 1.5),
            tuple("C serializable 3", 1.75));
  }

  @Test
  void theMediansRowGivesTheMedianRatioOfAdjacentWindowsAndItsRange() {
    String medians = RoundsTable.medians(RUNS);

    assertThat(medians.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("| A ", "etcd linearizable", "10,000", "5,000", "2.50×")
                    .contains("1.80×–3.00×", "12.0", "28.0", "0.100", "0.280"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("| C ", "etcd serializable", "30,000", "16,000", "1.75×")
                    .contains("1.50×–2.00×"));
  }

  @Test
  void everyRoundIsARowWithItsOwnRatio() {
    String rows = RoundsTable.everyRound(RUNS);

    assertThat(rows.lines().filter(l -> l.startsWith("| A ") || l.startsWith("| C "))).hasSize(9);
    assertThat(rows).contains("24,000", "8,000", "3.00×");
  }

  @Test
  void anEvenNumberOfRoundsTakesTheMeanOfTheTwoMiddleValues() {
    List<Pair> pairs = RoundsTable.pairs(RUNS.subList(0, 10));

    assertThat(RoundsTable.median(pairs.subList(0, 2), Pair::ratio)).isEqualTo(2.75);
  }
}
