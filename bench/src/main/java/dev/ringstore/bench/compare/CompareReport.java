package dev.ringstore.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a comparison's numbers where people and scripts find them: one JSON file per run under
 * {@code runs/}, everything in {@code results.json}, and the tables in {@code summary.md}. The
 * plots are {@link ComparePlots}'.
 */
public final class CompareReport {
  /** The Markdown summary's file name. */
  public static final String SUMMARY = "summary.md";

  /** The file name of the JSON holding the context and every run. */
  public static final String RESULTS = "results.json";

  /** The directory holding one JSON file per run. */
  public static final String RUNS = "runs";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CompareReport() {}

  /**
   * Writes {@code runs/<nn>-<system>-<durability or read
   * mode>-<workload>-<threads>t[-<target>].json} per run, {@code results.json} and {@code
   * summary.md} into {@code directory}, creating it.
   *
   * @return the files written
   */
  public static List<Path> write(Path directory, RunContext context, List<RunResult> runs)
      throws IOException {
    return write(directory, context, runs, summary(context, runs));
  }

  /** As {@link #write(Path, RunContext, List)}, with {@code summary} as {@code summary.md}. */
  static List<Path> write(Path directory, RunContext context, List<RunResult> runs, String summary)
      throws IOException {
    Files.createDirectories(directory.resolve(RUNS));
    ObjectWriter pretty = JSON.writerWithDefaultPrettyPrinter();
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Path file = directory.resolve(RUNS).resolve(runFileName(i + 1, runs.size(), runs.get(i)));
      pretty.writeValue(file.toFile(), runs.get(i));
      written.add(file);
    }
    Path results = directory.resolve(RESULTS);
    pretty.writeValue(results.toFile(), new ComparisonResults(context, runs));
    written.add(results);
    written.add(Files.writeString(directory.resolve(SUMMARY), summary));
    return written;
  }

  /** Reads a {@code results.json} that {@link #write} wrote. */
  public static ComparisonResults read(Path resultsJson) throws IOException {
    return JSON.readValue(resultsJson.toFile(), ComparisonResults.class);
  }

  /**
   * The unthrottled runs as one Markdown table, grouped by workload then threads, columns padded so
   * it reads in a terminal too; empty when every run was throttled.
   */
  public static String markdownTable(List<RunResult> runs) {
    return SummaryTables.unthrottled(runs);
  }

  /** The whole of {@code summary.md}: the context, then each table that has rows. */
  public static String summary(RunContext context, List<RunResult> runs) {
    StringBuilder out = header(context);
    section(
        out,
        "Unthrottled runs",
        "Closed-loop YCSB clients. Latencies are over the measured window (warm-up excluded); server"
            + " CPU is utime+stime of every server process per completed operation.",
        SummaryTables.unthrottled(runs));
    section(
        out,
        "Latency vs throughput",
        "Throttled runs at a target rate; latencies count from each operation's intended start.",
        SummaryTables.sweep(runs));
    section(
        out,
        "Ringstore (fsync) relative to etcd",
        "Ratios above 1 mean Ringstore did more operations per second, or spent more server CPU per"
            + " operation; etcd's linearizable run where both read modes ran.",
        RelativeToEtcdTable.render(runs));
    section(
        out,
        "What TLS costs Ringstore",
        "Ringstore (fsync) with TLS and client certificates on every connection (ringstore local"
            + " --tls), beside the plain cluster measured just before it; a CPU/op ratio of 1.20×"
            + " means TLS added a fifth to the servers' CPU per operation. etcd runs without TLS.",
        TlsCostTable.render(runs));
    return out.toString();
  }

  /** {@code summary.md} of an interleaved comparison: medians over the rounds, then each round. */
  static String roundsSummary(RunContext context, List<InterleavedRuns.RoundRun> runs) {
    StringBuilder out = header(context);
    section(
        out,
        "Ringstore (fsync) relative to etcd: medians over the rounds",
        "Each round ran every workload on both systems back to back (Ringstore first in odd rounds,"
            + " etcd first in even ones); a ratio compares the two adjacent windows, and the median"
            + " of those ratios is the figure to quote. Throughput, p99 and server CPU per operation"
            + " are each the median over the rounds.",
        RoundsTable.medians(runs));
    section(
        out,
        "Every round",
        "Ratios above 1 mean Ringstore did more operations per second, or spent more server CPU per"
            + " operation, than etcd in the window next to it.",
        RoundsTable.everyRound(runs));
    return out.toString();
  }

  private static StringBuilder header(RunContext context) {
    return new StringBuilder(
        """
            # Ringstore vs etcd: YCSB comparison

            - Started: %s
            - Machine: %s
            - Versions: Java %s, etcd %s, Ringstore %s
            - Command: `%s`
            - Mode: %s
            """
            .formatted(
                context.startedAt(),
                context.machine(),
                context.javaVersion(),
                context.etcdVersion(),
                context.ringstoreCommit(),
                context.commandLine(),
                context.mode()));
  }

  static String runFileName(int number, int count, RunResult run) {
    int digits = Math.max(2, Integer.toString(count).length());
    boolean readMode =
        run.system().equals("etcd") && run.variant() != null && !run.variant().isBlank();
    String mode = readMode ? run.variant() : run.durability();
    String target =
        run.targetOpsPerSecond() > 0
            ? String.format(Locale.ROOT, "-%.0f", run.targetOpsPerSecond())
            : "";
    return String.format(
        Locale.ROOT,
        "%0" + digits + "d-%s-%s-%s-%dt%s.json",
        number,
        slug(run.system()),
        slug(mode),
        slug(run.workload()),
        run.threads(),
        target);
  }

  private static void section(StringBuilder out, String title, String note, String table) {
    if (!table.isEmpty()) {
      out.append("\n## ").append(title).append("\n\n").append(note).append("\n\n").append(table);
    }
  }

  private static String slug(String text) {
    return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
