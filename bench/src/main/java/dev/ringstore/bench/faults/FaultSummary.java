package dev.ringstore.bench.faults;

import java.util.List;

/** The {@code summary.md} of a suite run: settings, the table, skipped nemeses, the evidence. */
final class FaultSummary {
  static final String SETTINGS_START = "5 nodes";

  private FaultSummary() {}

  /** The line saying how the suite ran. */
  static String settings(long seed, int seconds) {
    return SETTINGS_START
        + " (N=3, fsync), 3 config replicas, 2 client hosts × 3 workload threads; "
        + seconds
        + " s of load per nemesis, faults of 20 s between 10 s quiet stretches; seed "
        + seed
        + ".";
  }

  static String markdown(List<RunResult> results, List<String> skipped, String settings) {
    StringBuilder out = new StringBuilder("# Fault suite\n\n");
    out.append(settings).append("\n\n");
    out.append(SummaryTable.markdown(results)).append('\n');
    skipped.forEach(s -> out.append("- skipped ").append(s).append('\n'));
    for (RunResult r : results) {
      boolean evidence =
          !r.passed() || !r.verdict().doubleWins().isEmpty() || (r.control() && r.passed());
      if (evidence) {
        out.append('\n').append(SummaryTable.evidence(r, 10));
      }
    }
    return out.toString();
  }
}
