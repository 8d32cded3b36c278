package dev.ringstore.bench.faults;

import java.util.List;
import java.util.Locale;

/** The summary of a fault-suite run as a Markdown table, one row per nemesis run. */
final class SummaryTable {
  private SummaryTable() {}

  static String markdown(List<RunResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| nemesis | ops | acked | lost | indeterminate | unavailable % | convergence s "
            + "| unexpected | divergent | siblings > 2 | 2 leaders/term | double claims | verdict |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (RunResult r : results) {
      Verdict v = r.verdict();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %.1f | %s | %d | %d | %d | %d | %d | %s |%n",
              r.control() ? r.nemesis() + " (LWW control)" : r.nemesis(),
              v.ops(),
              v.acked(),
              v.lost().size(),
              v.indeterminate(),
              v.unavailablePercent(),
              r.convergenceSeconds() == null
                  ? "not within " + (int) RunResult.CONVERGENCE_LIMIT_SECONDS
                  : String.format(Locale.ROOT, "%.1f", r.convergenceSeconds()),
              v.unexpected().size(),
              v.divergent().size(),
              v.tooManySiblings().size(),
              r.leaderViolations().size(),
              v.doubleWins().size(),
              verdictText(r)));
    }
    return out.toString();
  }

  private static String verdictText(RunResult r) {
    if (r.control()) {
      return r.passed() ? "PASS (losses caught)" : "FAIL (checker saw no loss)";
    }
    return r.passed() ? "PASS" : "FAIL";
  }

  /** The evidence behind a failed row: the first lost ops, unexpected values, divergent keys. */
  static String evidence(RunResult r, int limit) {
    Verdict v = r.verdict();
    StringBuilder out =
        new StringBuilder("### " + r.nemesis() + (r.control() ? " (LWW control)" : "") + "\n\n");
    v.lost().stream().limit(limit).forEach(op -> out.append("- lost: ").append(op).append('\n'));
    v.unexpected().stream()
        .limit(limit)
        .forEach(u -> out.append("- unexpected: ").append(u).append('\n'));
    v.divergent().stream()
        .limit(limit)
        .forEach(k -> out.append("- divergent: ").append(k).append('\n'));
    v.tooManySiblings().stream()
        .limit(limit)
        .forEach(k -> out.append("- siblings: ").append(k).append('\n'));
    r.leaderViolations().forEach(t -> out.append("- two leaders in ").append(t).append('\n'));
    v.doubleWins().stream()
        .limit(limit)
        .forEach(k -> out.append("- double claim: ").append(k).append('\n'));
    return out.toString();
  }
}
