package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompareReportTest {
  private static final RunContext CONTEXT =
      new RunContext(
          "2025-06-01T09:30:00Z",
          "16 cores, 62.5 GiB, Linux 6.8.0-45-generic",
          "17.0.15",
          "3.5.21",
          "168c240",
          "bench compare --full --out target/compare",
          false);

  @TempDir Path out;

  @Test
  void theSummaryHasOneRowPerUnthrottledRunWithItsNumbersFormattedForHumans() throws IOException {
    List<RunResult> runs = FakeRuns.full();
    CompareReport.write(out, CONTEXT, runs);
    String summary = Files.readString(out.resolve("summary.md"));

    assertThat(summary)
        .contains("- Machine: 16 cores, 62.5 GiB, Linux 6.8.0-45-generic")
        .contains("- Versions: Java 17.0.15, etcd 3.5.21, Ringstore 168c240")
        .contains("- Mode: full")
        .contains(CompareReport.markdownTable(runs));
    List<List<String>> rows = rows(CompareReport.markdownTable(runs));
    assertThat(rows).hasSize((int) runs.stream().filter(r -> r.targetOpsPerSecond() == 0).count());
    assertThat(rows.get(0))
        .containsExactly(
            "etcd linearizable",
            "fsync",
            "A",
            "16",
            "11,204",
            "1.29",
            "9.46",
            "23.9",
            "0",
            "0.820");
    assertThat(rows)
        .contains(
            List.of(
                "ringstore fsync",
                "fsync",
                "A",
                "64",
                "48,213",
                "1.23",
                "8.47",
                "21.3",
                "3",
                "0.410"),
            List.of(
                "etcd serializable",
                "fsync",
                "C",
                "64",
                "58,210",
                "0.0874",
                "5.72",
                "1,204",
                "1,520",
                "0.640"));
    assertThat(rows).extracting(row -> row.get(2)).containsSubsequence("A", "B", "C", "F", "W");

    assertThat(rows(section(summary, "Latency vs throughput")))
        .hasSize(8)
        .contains(
            List.of(
                "etcd linearizable", "A", "64", "15,000", "14,980", "5.61", "182", "411", "0.820"));
    assertThat(rows(section(summary, "Ringstore (fsync) relative to etcd")))
        .contains(List.of("A", "64", "etcd linearizable", "48,213", "16,071", "3.00×", "0.50×"));
  }

  @Test
  void resultsJsonAndEachRunsFileReadBackIntoTheSameRecords() throws IOException {
    List<RunResult> runs = FakeRuns.full();
    CompareReport.write(out, CONTEXT, runs);

    assertThat(CompareReport.read(out.resolve("results.json")))
        .isEqualTo(new ComparisonResults(CONTEXT, runs));
    try (var files = Files.list(out.resolve("runs"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .hasSize(runs.size())
          .startsWith("01-etcd-linearizable-A-64t.json")
          .contains("05-ringstore-fsync-A-64t.json", "26-etcd-linearizable-A-64t-15000.json");
    }
    RunResult read =
        new ObjectMapper()
            .readValue(out.resolve("runs/05-ringstore-fsync-A-64t.json").toFile(), RunResult.class);
    assertThat(read).isEqualTo(runs.get(4));
  }

  @Test
  void everyPlotIsAThousandBySixHundredPng() throws IOException {
    List<Path> written = new ArrayList<>(ComparePlots.write(out, FakeRuns.full()));
    written.addAll(
        ComparePlots.writeAvailability(out, FakeRuns.PARTITION, FakeRuns.availability()));

    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(
            "throughput.png",
            "cpu-per-op.png",
            "latency-vs-throughput.png",
            "availability-etcd.png",
            "availability-ringstore.png");
    for (Path png : written) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1000);
      assertThat(image.getHeight()).isEqualTo(600);
    }
  }

  @Test
  void aQuickRunWithoutSweepOrPartitionSkipsThosePlotsAndTables() throws IOException {
    List<RunResult> quick =
        FakeRuns.full().stream().filter(run -> run.targetOpsPerSecond() == 0).toList();
    CompareReport.write(out, CONTEXT, quick);
    ComparePlots.write(out, quick);
    assertThat(ComparePlots.writeAvailability(out, FakeRuns.PARTITION, List.of())).isEmpty();

    assertThat(out.resolve("throughput.png")).exists();
    assertThat(out.resolve("latency-vs-throughput.png")).doesNotExist();
    assertThat(out.resolve("availability-etcd.png")).doesNotExist();
    assertThat(Files.readString(out.resolve("summary.md")))
        .doesNotContain("Latency vs throughput")
        .contains("relative to etcd");

    Path etcdOnly = out.resolve("etcd-only");
    List<RunResult> etcd = quick.stream().filter(run -> run.system().equals("etcd")).toList();
    CompareReport.write(etcdOnly, CONTEXT, etcd);
    assertThat(Files.readString(etcdOnly.resolve("summary.md"))).doesNotContain("relative to etcd");
    assertThat(ComparePlots.write(out.resolve("nothing"), List.of())).isEmpty();
  }

  /** The body rows of the first Markdown table in {@code text}, cells trimmed. */
  private static List<List<String>> rows(String text) {
    List<String> lines =
        text.lines().dropWhile(l -> !l.startsWith("|")).takeWhile(l -> l.startsWith("|")).toList();
    return IntStream.range(2, lines.size())
        .mapToObj(i -> lines.get(i).substring(1, lines.get(i).length() - 1).split("\\|"))
        .map(cells -> Arrays.stream(cells).map(String::trim).toList())
        .toList();
  }

  private static String section(String summary, String heading) {
    int start = summary.indexOf("## " + heading);
    assertThat(start).as(heading).isNotNegative();
    return summary.substring(start);
  }
}
