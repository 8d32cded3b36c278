package dev.ringstore.bench.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a history against what the replicas hold after healing and convergence, the way Jepsen's
 * set checker does: every acknowledged write must be present; an indeterminate one may or may not
 * be (never counted lost); a value present that no client ever tried to write is an error; all N
 * replicas of every key must agree; no replica may hold more siblings than there were concurrent
 * writers. Register keys where two conditional puts were acknowledged are counted, not failed:
 * docs/client.md allows it across a partition as long as both values survive as siblings, which the
 * lost-write rule checks.
 */
final class Checker {
  private final int siblingBound;

  /** {@code siblingBound}: the most siblings allowed (the number of writers per key). */
  Checker(int siblingBound) {
    this.siblingBound = siblingBound;
  }

  Verdict check(Collection<Op> history, Map<String, KeyState> finalState) {
    Map<String, Set<String>> attempted = new HashMap<>();
    Map<String, Integer> registerWins = new HashMap<>();
    int acked = 0;
    int indeterminate = 0;
    int failed = 0;
    int claimsRefused = 0;
    List<Op> lost = new ArrayList<>();
    for (Op op : history) {
      attempted.computeIfAbsent(op.key(), k -> new HashSet<>()).add(op.value());
      switch (op.outcome()) {
        case OK -> {
          acked++;
          KeyState state = finalState.get(op.key());
          if (state == null || !state.values().contains(op.value())) {
            lost.add(op);
          }
          if (op.workload().equals(Workload.REGISTER)) {
            registerWins.merge(op.key(), 1, Integer::sum);
          }
        }
        case INFO -> indeterminate++;
        case FAIL -> {
          failed++;
          if (op.error().equals("CONDITION_FAILED")) {
            claimsRefused++;
          }
        }
      }
    }
    List<String> unexpected = new ArrayList<>();
    List<String> divergent = new ArrayList<>();
    List<String> tooManySiblings = new ArrayList<>();
    for (KeyState state : finalState.values()) {
      Set<String> tried = attempted.getOrDefault(state.key(), Set.of());
      for (String value : new TreeSet<>(state.values())) {
        if (!tried.contains(value)) {
          unexpected.add(state.key() + "=" + value);
        }
      }
      if (!state.agreed()) {
        divergent.add(state.key());
      }
      if (state.siblings() > siblingBound) {
        tooManySiblings.add(state.key() + ": " + state.siblings() + " siblings");
      }
    }
    List<String> doubleWins =
        registerWins.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(e -> e.getKey() + ": " + e.getValue() + " acknowledged")
            .sorted()
            .toList();
    return new Verdict(
        history.size(),
        acked,
        indeterminate,
        failed,
        claimsRefused,
        lost,
        unexpected,
        divergent.stream().sorted().toList(),
        tooManySiblings.stream().sorted().toList(),
        doubleWins);
  }
}
