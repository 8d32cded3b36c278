package dev.ringstore.cli;

import dev.ringstore.common.NodeId;
import dev.ringstore.ring.BucketMove;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.TablePlan;
import dev.ringstore.ring.TableStats;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The human form of a simulated table or plan: load per node, balance, and moves. */
final class PlacementReport {
  private PlacementReport() {}

  static String ofTable(BucketTable table) {
    TableStats stats = new TableStats(table);
    StringBuilder out = new StringBuilder(shape(table)).append("\n\n");
    out.append(String.format("%-10s %-8s %9s %10s%n", "NODE", "ZONE", "REPLICAS", "PRIMARIES"));
    for (Member m : table.members()) {
      out.append(
          String.format(
              "%-10s %-8s %9d %10d%n",
              m.id(), m.zoneName().orElse("-"), stats.replicas(m.id()), stats.primaries(m.id())));
    }
    return out.append('\n').append(balance(stats)).toString();
  }

  static String ofPlan(TablePlan plan) {
    TableStats before = new TableStats(plan.before());
    TableStats after = new TableStats(plan.after());
    TreeSet<NodeId> nodes = new TreeSet<>();
    plan.before().members().forEach(m -> nodes.add(m.id()));
    plan.after().members().forEach(m -> nodes.add(m.id()));
    StringBuilder out = new StringBuilder("Before: ").append(shape(plan.before()));
    out.append("\nAfter:  ").append(shape(plan.after())).append("\n\n");
    out.append(
        String.format("%-10s %-8s %8s %8s %8s%n", "NODE", "ZONE", "BEFORE", "AFTER", "CHANGE"));
    for (NodeId id : nodes) {
      Member m = plan.after().member(id).or(() -> plan.before().member(id)).orElseThrow();
      int was = before.replicas(id);
      int now = after.replicas(id);
      out.append(
          String.format(
              "%-10s %-8s %8d %8d %+8d%n", id, m.zoneName().orElse("-"), was, now, now - was));
    }
    int s = plan.before().members().size();
    double ideal =
        (double) plan.before().settings().replicas() * plan.before().bucketCount() / (s + 1);
    out.append(String.format("%nMoves: %d bucket-replicas", plan.moves().size()));
    if (plan.after().members().size() == s + 1) {
      out.append(
          String.format(
              " (ideal N*Q/(S+1) = %.1f, ratio %.2f)", ideal, plan.moves().size() / ideal));
    }
    out.append('\n').append(flows(plan)).append(balance(after));
    return out.toString();
  }

  private static String shape(BucketTable table) {
    long zones =
        table.members().stream().map(Member::zone).filter(Objects::nonNull).distinct().count();
    return String.format(
        "%d nodes%s, %d buckets, %d replicas, %d tokens per node",
        table.members().size(),
        zones == 0 ? "" : " in " + zones + " zones",
        table.settings().buckets(),
        table.settings().replicas(),
        table.settings().tokens());
  }

  /** Moves grouped by where they go: " n3 -> n11: 27". */
  private static String flows(TablePlan plan) {
    Map<String, Integer> flows = new TreeMap<>();
    for (BucketMove move : plan.moves()) {
      String from = move.from() == null ? "(new replica)" : move.from().value();
      String to = move.to() == null ? "(dropped)" : move.to().value();
      flows.merge(from + " -> " + to, 1, Integer::sum);
    }
    return flows.entrySet().stream()
        .map(e -> "  " + e.getKey() + ": " + e.getValue() + "\n")
        .collect(Collectors.joining());
  }

  private static String balance(TableStats stats) {
    StringBuilder out =
        new StringBuilder(
            String.format("Balance (bucket-replicas, max/mean): %.3f", stats.maxOverMean()));
    Map<String, Double> byZone = stats.maxOverMeanByZone();
    if (!byZone.isEmpty()) {
      out.append("; within zones: ");
      out.append(
          byZone.entrySet().stream()
              .map(e -> String.format("%s %.3f", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", ")));
    }
    // Token-aware clients send each request to a bucket's first node: this is the request load.
    out.append(
        String.format("%nPrimaries (first places, max/mean): %.3f", stats.primariesMaxOverMean()));
    return out.toString();
  }
}
