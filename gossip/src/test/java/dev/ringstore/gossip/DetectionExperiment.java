package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulated clusters for the failure-detection numbers: a cluster that has gossiped for two minutes
 * (so the detectors learned real intervals), on a clean network (1-10 ms latency) or a rough one
 * (0-200 ms latency, 5 % of messages lost, rounds firing up to 100 ms early or late).
 */
final class DetectionExperiment {
  private DetectionExperiment() {}

  static GossipSimulation warmCluster(int nodes, boolean rough, long seed) {
    return warmCluster(nodes, rough, seed, GossipSettings.DEFAULTS);
  }

  static GossipSimulation warmCluster(
      int nodes, boolean rough, long seed, GossipSettings settings) {
    GossipSimulation sim = new GossipSimulation(seed, settings);
    if (rough) {
      sim.network(0.05, 0, 200).timerJitter(100);
    }
    List<String> seeds = List.of("n1:7000", "n2:7000", "n3:7000");
    for (int i = 1; i <= nodes; i++) {
      sim.start("n" + i, 1, seeds);
    }
    sim.runFor(Duration.ofMinutes(2));
    return sim;
  }

  /**
   * Milliseconds from stopping one random node until each other node marks it down; {@link
   * Long#MAX_VALUE} for a node that had not after a minute.
   */
  static List<Long> detectionTimes(int nodes, boolean rough, long seed) {
    return detectionTimes(nodes, rough, seed, GossipSettings.DEFAULTS);
  }

  static List<Long> detectionTimes(int nodes, boolean rough, long seed, GossipSettings settings) {
    GossipSimulation sim = warmCluster(nodes, rough, seed, settings);
    NodeId victim = NodeId.of("n" + (1 + sim.random().nextInt(nodes)));
    Map<NodeId, Long> downAt = new HashMap<>();
    for (GossipSimulation.SimNode node : sim.running()) {
      node.gossiper.addListener(
          new MembershipListener() {
            @Override
            public void onDown(MemberView member) {
              if (member.id().equals(victim)) {
                downAt.putIfAbsent(node.id, sim.now());
              }
            }
          });
    }
    long stopped = sim.now();
    sim.stop(victim.value());
    sim.runFor(Duration.ofMinutes(1));
    List<Long> times = new ArrayList<>();
    for (GossipSimulation.SimNode node : sim.running()) {
      Long at = downAt.get(node.id);
      times.add(at == null ? Long.MAX_VALUE : at - stopped);
    }
    return times;
  }

  /** What {@link #watch} saw: every "down" judgement, and the highest phi of any member. */
  record Quiet(List<String> downs, double worstPhi) {}

  /** Runs {@code sim} for {@code duration}, sampling every node's phi of every member. */
  static Quiet watch(GossipSimulation sim, Duration duration, Duration sampleEvery) {
    List<NodeId> ids = sim.running().stream().map(node -> node.id).toList();
    List<String> downs = new ArrayList<>();
    for (GossipSimulation.SimNode node : sim.running()) {
      node.gossiper.addListener(
          new MembershipListener() {
            @Override
            public void onDown(MemberView member) {
              downs.add(node.id + " judged " + member.id() + " down at " + sim.now());
            }
          });
    }
    double worstPhi = 0;
    long end = sim.now() + duration.toMillis();
    while (sim.now() < end) {
      sim.runFor(sampleEvery);
      for (GossipSimulation.SimNode node : sim.running()) {
        for (NodeId id : ids) {
          worstPhi = Math.max(worstPhi, node.gossiper.member(id).orElseThrow().phi());
        }
      }
    }
    return new Quiet(downs, worstPhi);
  }
}
