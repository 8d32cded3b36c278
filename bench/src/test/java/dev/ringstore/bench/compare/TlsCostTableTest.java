package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsCostTableTest {
  private static final List<RunResult> RUNS =
      List.of(
          FakeRuns.unthrottled("ringstore fsync", "A", 8_000, 20, 0.170),
          FakeRuns.unthrottled("ringstore fsync TLS", "A", 6_500, 26, 0.221),
          FakeRuns.unthrottled("ringstore async", "A", 9_000, 18, 0.150),
          FakeRuns.unthrottled("etcd linearizable", "A", 3_200, 40, 0.371),
          FakeRuns.unthrottled("ringstore fsync", "C", 26_000, 6, 0.035),
          FakeRuns.unthrottled("ringstore fsync TLS", "C", 20_000, 8, 0.049));

  @Test
  void eachTlsRunSitsBesideThePlainFsyncRunOfItsWorkloadWithTheirCpuPerOpRatio() {
    assertThat(rows(TlsCostTable.render(RUNS)))
        .containsExactly(
            List.of("A", "64", "8,000", "6,500", "20.0", "26.0", "0.170", "0.221", "1.30×"),
            List.of("C", "64", "26,000", "20,000", "6.00", "8.00", "0.0350", "0.0490", "1.40×"));
  }

  @Test
  void aTlsRunWithoutAPlainCounterpartIsLeftOut() {
    List<RunResult> runs = new ArrayList<>(RUNS);
    runs.add(FakeRuns.unthrottled("ringstore fsync TLS", "W", 7_000, 30, 0.2));
    assertThat(TlsCostTable.pairs(runs))
        .extracting(p -> p.tls().workload())
        .containsExactly("A", "C");
  }

  @Test
  void aComparisonWithoutTlsHasNoTlsSectionAndItsOtherTablesStayAsTheyWere() {
    RunContext context =
        new RunContext("2026-12-03T19:00:00Z", "2 cores", "17", "3.4.23", "abc", "compare", true);
    List<RunResult> plain =
        RUNS.stream().filter(r -> !r.system().equals(RunResult.RINGSTORE_TLS)).toList();

    assertThat(TlsCostTable.render(plain)).isEmpty();
    assertThat(CompareReport.summary(context, plain)).doesNotContain("TLS");
    assertThat(RelativeToEtcdTable.render(RUNS)).isEqualTo(RelativeToEtcdTable.render(plain));
    assertThat(CompareReport.summary(context, RUNS)).contains("## What TLS costs Ringstore");
  }

  @Test
  void theTlsRowFollowsThePlainOneInTheUnthrottledTable() {
    assertThat(rows(SummaryTables.unthrottled(RUNS)))
        .extracting(row -> row.get(0) + " " + row.get(2))
        .containsSubsequence("ringstore fsync A", "ringstore fsync TLS A")
        .containsSubsequence("ringstore fsync C", "ringstore fsync TLS C");
  }

  /** The body rows of the Markdown table in {@code table}, cells trimmed. */
  private static List<List<String>> rows(String table) {
    return table
        .lines()
        .filter(l -> l.startsWith("|"))
        .skip(2)
        .map(l -> List.of(l.substring(1, l.length() - 1).split("\\|")))
        .map(cells -> cells.stream().map(String::trim).toList())
        .toList();
  }
}
