package dev.ringstore.bench.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who led the config service in which Raft term, from the replicas' own logs: Ratis logs every role
 * change ({@code c2@group-...: changes role from CANDIDATE to LEADER at term 7 for ...}). Raft
 * allows at most one leader per term; two replicas logging leadership of one term is a safety
 * violation the suite reports.
 */
final class LeaderTerms {
  private static final Pattern BECAME_LEADER =
      Pattern.compile(
          "(\\w+)@group-[\\w-]+: changes role from\\s+\\w+\\s+to\\s+LEADER at term (\\d+)");

  private final Map<Long, Set<String>> leaders;

  LeaderTerms(Map<Long, Set<String>> leaders) {
    this.leaders = leaders;
  }

  /** Reads the role changes of every log (missing logs count as empty). */
  static LeaderTerms read(List<Path> logs) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path log : logs) {
      if (Files.exists(log)) {
        all.append(Files.readString(log)).append('\n');
      }
    }
    return parse(all.toString());
  }

  static LeaderTerms parse(String logText) {
    Map<Long, Set<String>> leaders = new TreeMap<>();
    Matcher m = BECAME_LEADER.matcher(logText);
    while (m.find()) {
      leaders.computeIfAbsent(Long.parseLong(m.group(2)), t -> new TreeSet<>()).add(m.group(1));
    }
    return new LeaderTerms(leaders);
  }

  /** Terms in which more than one replica became leader, as "term 7: [c1, c2]". */
  List<String> violations() {
    return leaders.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .map(e -> "term " + e.getKey() + ": " + e.getValue())
        .toList();
  }

  /** How many terms had a leader. */
  int terms() {
    return leaders.size();
  }

  /** The leader of the highest term logged. */
  Optional<String> currentLeader() {
    return leaders.isEmpty()
        ? Optional.empty()
        : Optional.of(
            ((TreeMap<Long, Set<String>>) leaders).lastEntry().getValue().iterator().next());
  }
}
