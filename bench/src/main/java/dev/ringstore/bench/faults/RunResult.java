package dev.ringstore.bench.faults;

import java.util.List;

/**
 * One row of the summary: a nemesis run's verdict, how long after the last heal all replicas agreed
 * (null: not within the limit), the config service's leaders-per-term violations, and whether it is
 * the last-writer-wins control, which passes only when it loses writes.
 *
 * @param nemesis the nemesis name
 * @param control whether this is the last-writer-wins control run
 * @param verdict what the checker found
 * @param convergenceSeconds seconds from the last heal until every key's replicas agreed
 * @param leaderViolations terms with two config leaders, from the replicas' logs
 */
record RunResult(
    String nemesis,
    boolean control,
    Verdict verdict,
    Double convergenceSeconds,
    List<String> leaderViolations) {
  /** The convergence limit of issue 15. */
  static final double CONVERGENCE_LIMIT_SECONDS = 60;

  boolean converged() {
    return convergenceSeconds != null && convergenceSeconds <= CONVERGENCE_LIMIT_SECONDS;
  }

  /**
   * A nemesis run passes when nothing acknowledged was lost, nothing invented, replicas agreed
   * within the limit, siblings stayed bounded and no term had two leaders; the control passes when
   * the checker caught its losses.
   */
  boolean passed() {
    if (control) {
      return !verdict.lost().isEmpty();
    }
    return verdict.safe() && converged() && leaderViolations.isEmpty();
  }
}
