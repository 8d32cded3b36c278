package dev.ringstore.bench.faults;

import java.util.List;

/**
 * What the {@link Checker} found in one history: counts for the summary table, and the evidence
 * behind every error (the lost operations, the values nobody wrote, the keys whose replicas
 * disagree or hold too many siblings).
 *
 * @param ops operations invoked
 * @param acked acknowledged ({@code OK}) writes
 * @param indeterminate writes that may or may not have landed ({@code INFO})
 * @param failed writes refused before doing anything ({@code FAIL})
 * @param claimsRefused of those, conditional puts refused because the key was taken: the register
 *     workload's expected outcome for every claim but the first, not unavailability
 * @param lost acknowledged writes missing after healing and convergence
 * @param unexpected "key=value" present although no client ever tried to write it
 * @param divergent keys whose N replicas did not agree
 * @param tooManySiblings "key: n siblings" above the bound
 * @param doubleWins register keys where more than one conditional put was acknowledged
 */
record Verdict(
    int ops,
    int acked,
    int indeterminate,
    int failed,
    int claimsRefused,
    List<Op> lost,
    List<String> unexpected,
    List<String> divergent,
    List<String> tooManySiblings,
    List<String> doubleWins) {
  Verdict {
    lost = List.copyOf(lost);
    unexpected = List.copyOf(unexpected);
    divergent = List.copyOf(divergent);
    tooManySiblings = List.copyOf(tooManySiblings);
    doubleWins = List.copyOf(doubleWins);
  }

  /**
   * Share of operations neither acknowledged nor refused as taken claims, in percent: what the
   * faults cost the clients.
   */
  double unavailablePercent() {
    return ops == 0 ? 0 : 100.0 * (ops - acked - claimsRefused) / ops;
  }

  /** No acknowledged write lost, nothing invented, replicas agree, siblings bounded. */
  boolean safe() {
    return lost.isEmpty()
        && unexpected.isEmpty()
        && divergent.isEmpty()
        && tooManySiblings.isEmpty();
  }
}
