package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints the balance and movement numbers quoted in docs/ring.md. Not a test: run it with {@code
 * java -cp ... dev.ringstore.ring.RingReport} (see docs/ring.md for the command).
 */
public final class RingReport {
  private RingReport() {}

  public static void main(String[] args) {
    System.out.println(
        "## Raw token placement vs balanced, Q=1024, N=3 (max/mean of bucket-replicas)");
    System.out.println(
        "| T | S=3 | S=5 | S=8 | S=12 | S=16 | worst raw S=3..16 | balancer moves (S=16) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int t : new int[] {1, 4, 16, 64, 256}) {
      StringBuilder row = new StringBuilder("| " + t + " |");
      double worst = 0;
      for (int s = 3; s <= 16; s++) {
        RingSettings settings = new RingSettings(1024, 3, t);
        List<Member> members = members(s, 0);
        double raw = rawMaxMean(settings, members);
        worst = Math.max(worst, raw);
        if (s == 3 || s == 5 || s == 8 || s == 12 || s == 16) {
          row.append(String.format(" %.2f |", raw));
        }
      }
      row.append(
          String.format(
              " %.2f | %d |", worst, balancerMoves(new RingSettings(1024, 3, t), members(16, 0))));
      System.out.println(row);
    }
    System.out.println();
    System.out.println(
        "## Balanced tables and one join / one leave, N=3, T=" + RingSettings.DEFAULT_TOKENS);
    System.out.println(
        "| S | Q | zones | max/mean | join moves | ideal N·Q/(S+1) | ratio | max/mean after join | leave moves | max/mean after leave | build |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int[] c :
        new int[][] {
          {3, 1024, 0},
          {4, 1024, 0},
          {5, 1024, 0},
          {6, 1024, 0},
          {7, 1024, 0},
          {8, 1024, 0},
          {9, 1024, 0},
          {10, 1024, 0},
          {11, 1024, 0},
          {12, 1024, 0},
          {13, 1024, 0},
          {14, 1024, 0},
          {15, 1024, 0},
          {16, 1024, 0},
          {3, 1024, 3},
          {4, 1024, 3},
          {5, 1024, 3},
          {6, 1024, 3},
          {7, 1024, 3},
          {8, 1024, 3},
          {9, 1024, 3},
          {10, 1024, 3},
          {11, 1024, 3},
          {12, 1024, 3},
          {13, 1024, 3},
          {14, 1024, 3},
          {15, 1024, 3},
          {16, 1024, 3},
          {200, 16384, 0},
          {200, 16384, 5}
        }) {
      int s = c[0];
      int zones = c[2];
      RingSettings settings = new RingSettings(c[1], 3, RingSettings.DEFAULT_TOKENS);
      long start = System.nanoTime();
      BucketTable table = BucketTable.initial(members(s, zones), settings);
      long built = System.nanoTime() - start;
      Member joiner =
          zones == 0 ? Member.of("n" + (s + 1)) : Member.of("n" + (s + 1), smallestZone(table));
      TablePlan join = TablePlanner.plan(table, new MembershipChange.Add(List.of(joiner)));
      TablePlan leave = TablePlanner.plan(table, new MembershipChange.Remove(NodeId.of("n1")));
      double ideal = 3.0 * c[1] / (s + 1);
      System.out.printf(
          "| %d | %d | %d | %.3f | %d | %.0f | %.2f | %.3f | %d | %.3f | %d ms |%n",
          s,
          c[1],
          zones,
          maxMean(table),
          join.moves().size(),
          ideal,
          join.moves().size() / ideal,
          maxMean(join.after()),
          leave.moves().size(),
          maxMean(leave.after()),
          built / 1_000_000);
    }
  }

  static String smallestZone(BucketTable table) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    table.members().forEach(m -> counts.merge(m.zone(), 1L, Long::sum));
    return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  static List<Member> members(int s, int zones) {
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= s; i++) {
      members.add(
          zones == 0 ? Member.of("n" + i) : Member.of("n" + i, "z" + ((i - 1) % zones + 1)));
    }
    return members;
  }

  static double rawMaxMean(RingSettings settings, List<Member> members) {
    List<Member> sorted = MemberList.validated(members);
    int[] load = new int[sorted.size()];
    for (int[] list : RawPlacement.place(settings, sorted)) {
      for (int m : list) {
        load[m]++;
      }
    }
    return (double) Arrays.stream(load).max().orElseThrow()
        / Arrays.stream(load).average().orElseThrow();
  }

  static int balancerMoves(RingSettings settings, List<Member> members) {
    List<Member> sorted = MemberList.validated(members);
    boolean[] eligible = new boolean[sorted.size()];
    Arrays.fill(eligible, true);
    return Balancer.balance(
        new Assignment(settings, sorted, eligible, RawPlacement.place(settings, sorted)));
  }

  /** Max/mean of bucket-replicas per node, taken within each zone when zones are set. */
  static double maxMean(BucketTable table) {
    Map<String, List<Integer>> byZone = new java.util.TreeMap<>();
    Map<NodeId, Integer> counts = table.replicaCounts();
    for (Member m : table.members()) {
      byZone
          .computeIfAbsent(m.zoneName().orElse(""), z -> new ArrayList<>())
          .add(counts.get(m.id()));
    }
    double worst = 0;
    for (List<Integer> loads : byZone.values()) {
      double mean = loads.stream().mapToInt(Integer::intValue).average().orElseThrow();
      worst =
          Math.max(worst, loads.stream().mapToInt(Integer::intValue).max().orElseThrow() / mean);
    }
    return worst;
  }
}
