package dev.ringstore.gossip;

import dev.ringstore.gossip.failure.PhiAccrualSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the propagation and detection numbers quoted in docs/gossip.md. Not a test: run it with
 * {@code java -cp ... dev.ringstore.gossip.GossipReport} (docs/gossip.md gives the command).
 */
public final class GossipReport {
  private GossipReport() {}

  private static String wireCost(int nodes) {
    GossipSimulation sim = new GossipSimulation(3000L + nodes, GossipSettings.DEFAULTS);
    List<String> seeds = List.of("n1:7000", "n2:7000", "n3:7000");
    for (int i = 1; i <= nodes; i++) {
      sim.start("n" + i, 1, seeds);
    }
    sim.runFor(Duration.ofSeconds(30));
    Map<String, long[]> bytes = new TreeMap<>(); // kind -> {messages, bytes}
    sim.tap(
        (address, message) -> {
          long[] sum = bytes.computeIfAbsent(message.getClass().getSimpleName(), k -> new long[2]);
          sum[0]++;
          sum[1] += GossipProtobuf.toProto(message).getSerializedSize();
        });
    int rounds = 10;
    sim.runFor(Duration.ofSeconds(rounds));
    StringBuilder row = new StringBuilder("| " + nodes + " |");
    long messages = 0;
    long total = 0;
    for (String kind : List.of("Syn", "Ack", "Ack2")) {
      long[] sum = bytes.getOrDefault(kind, new long[2]);
      row.append(String.format(" %,d B mean |", sum[0] == 0 ? 0 : sum[1] / sum[0]));
      messages += sum[0];
      total += sum[1];
    }
    double perNodeRound = (double) nodes * rounds;
    return row.append(
            String.format(" %.2f | %,.0f B |", messages / perNodeRound, total / perNodeRound))
        .toString();
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    System.out.println(
        "## Rounds until every node knows a change (state change of one node | join)");
    System.out.println("| nodes | runs x trials | state change | join | warm-up rounds (max) |");
    System.out.println("|---|---|---|---|---|");
    for (int nodes : new int[] {10, 100, 1000}) {
      List<Integer> change = new ArrayList<>();
      List<Integer> join = new ArrayList<>();
      int warmUp = 0;
      for (int run = 0; run < runs; run++) {
        PropagationExperiment.Result result = PropagationExperiment.run(nodes, 30, 10, 1000L + run);
        change.addAll(result.stateChange());
        join.addAll(result.join());
        warmUp = Math.max(warmUp, result.warmUpRounds());
      }
      System.out.printf(
          "| %d | %d x (30 + 10) | %s | %s | %d |%n",
          nodes, runs, Distribution.of(change), Distribution.of(join), warmUp);
    }
    System.out.println();
    System.out.println("## Bytes on the wire per node and round (protobuf, steady state)");
    System.out.println(
        "| nodes | SYN | ACK | ACK2 | messages per node and round | bytes per node and round |");
    System.out.println("|---|---|---|---|---|---|");
    for (int nodes : new int[] {10, 100, 1000}) {
      System.out.println(wireCost(nodes));
    }
    System.out.println();
    System.out.println("## Time until every other node marks a stopped node down");
    System.out.println(
        "| nodes | network | runs | detection time (ms), all observers of all runs |");
    System.out.println("|---|---|---|---|");
    for (int nodes : new int[] {10, 50, 200, 1000}) {
      int detectionRuns = nodes >= 1000 ? 1 : runs; // a thousand-node run takes minutes
      for (boolean rough : new boolean[] {false, true}) {
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < detectionRuns; run++) {
          times.addAll(DetectionExperiment.detectionTimes(nodes, rough, 2000L + run));
        }
        System.out.printf(
            "| %d | %s | %d | %s |%n",
            nodes,
            rough ? "0-200 ms latency, 5 % loss, timer jitter 100 ms" : "1-10 ms latency",
            detectionRuns,
            Distribution.of(times));
      }
    }
    System.out.println();
    System.out.println("## False suspicion on a rough network, 10 minutes, nobody stopped");
    System.out.println("| nodes | network | nodes judged down | worst phi seen |");
    System.out.println("|---|---|---|---|");
    for (int nodes : new int[] {10, 50, 200}) {
      GossipSimulation sim = DetectionExperiment.warmCluster(nodes, true, 4000L + nodes);
      DetectionExperiment.Quiet quiet =
          DetectionExperiment.watch(sim, Duration.ofMinutes(10), Duration.ofSeconds(1));
      System.out.printf(
          "| %d | 0-200 ms latency, 5 %% loss, timer jitter 100 ms | %d | %.2f |%n",
          nodes, quiet.downs().size(), quiet.worstPhi());
    }
    System.out.println();
    System.out.println("## The acceptable pause: false suspicion against detection time");
    System.out.println(
        "| acceptable pause | 40 nodes, rough network, 6 x 10 min: false downs, worst phi per"
            + " window | 200 nodes, clean network, 3 runs: detection time (ms) |");
    System.out.println("|---|---|---|");
    for (long pause : new long[] {2000, 2500, 3000, 4000}) {
      GossipSettings settings =
          GossipSettings.DEFAULTS.withFailureDetector(
              PhiAccrualSettings.DEFAULTS.withAcceptablePause(Duration.ofMillis(pause)));
      StringBuilder windows = new StringBuilder();
      int downs = 0;
      for (int window = 0; window < 6; window++) {
        GossipSimulation sim = DetectionExperiment.warmCluster(40, true, 500 + window, settings);
        DetectionExperiment.Quiet quiet =
            DetectionExperiment.watch(sim, Duration.ofMinutes(10), Duration.ofMillis(250));
        downs += quiet.downs().size();
        windows.append(String.format(" %.1f", quiet.worstPhi()));
      }
      List<Long> times = new ArrayList<>();
      for (int run = 0; run < 3; run++) {
        times.addAll(DetectionExperiment.detectionTimes(200, false, 900 + run, settings));
      }
      System.out.printf(
          "| %.1f s | %d;%s | %s |%n", pause / 1000.0, downs, windows, Distribution.of(times));
    }
  }
}
