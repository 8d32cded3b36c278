package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many rounds a change takes to reach every node of a simulated cluster: {@code nodes} nodes
 * start together from three seeds and gossip until everyone knows everyone; then, at a random
 * moment of each round, a random node publishes a new table version (a state change), and
 * meanwhile, every other round, a new node joins through the seeds. A trial ends when the last node
 * that was up when it started has heard of it; its length is counted in whole gossip intervals,
 * rounded up.
 */
final class PropagationExperiment {
  /** Rounds per trial; a trial that never completed counts as {@link Integer#MAX_VALUE}. */
  record Result(List<Integer> stateChange, List<Integer> join, int warmUpRounds) {}

  private static final class Trial {
    final NodeId subject;
    final long started;
    final Set<NodeId> waiting;
    final long tableVersion;

    Trial(NodeId subject, long started, Set<NodeId> waiting, long tableVersion) {
      this.subject = subject;
      this.started = started;
      this.waiting = waiting;
      this.tableVersion = tableVersion;
    }
  }

  private final GossipSimulation sim;
  private final long interval;
  private final Map<NodeId, Trial> changes = new HashMap<>();
  private final Map<NodeId, Trial> joins = new HashMap<>();
  private final List<Integer> changeRounds = new ArrayList<>();
  private final List<Integer> joinRounds = new ArrayList<>();
  private final Map<NodeId, Integer> known = new HashMap<>();
  private long tableVersions;

  private PropagationExperiment(long seed) {
    this.sim = new GossipSimulation(seed, GossipSettings.DEFAULTS);
    this.interval = GossipSettings.DEFAULTS.interval().toMillis();
  }

  static Result run(int nodes, int changeTrials, int joinTrials, long seed) {
    return new PropagationExperiment(seed).measure(nodes, changeTrials, joinTrials);
  }

  private Result measure(int nodes, int changeTrials, int joinTrials) {
    List<String> seeds = List.of("n1:7000", "n2:7000", "n3:7000");
    for (int i = 1; i <= nodes; i++) {
      start("n" + i, seeds);
    }
    int warmUp = 0;
    while (known.values().stream().anyMatch(count -> count < nodes - 1) && warmUp < 200) {
      sim.runFor(Duration.ofMillis(interval));
      warmUp++;
    }
    long base = sim.now();
    for (int k = 0; k < changeTrials; k++) {
      sim.schedule(base + k * interval + sim.random().nextLong(interval), this::startChange);
    }
    for (int k = 0; k < joinTrials; k++) {
      String id = "j" + (k + 1);
      sim.schedule(
          base + 2 * k * interval + sim.random().nextLong(interval), () -> join(id, seeds));
    }
    sim.runUntil(base + Math.max(changeTrials, 2 * joinTrials) * interval + interval);
    long deadline = sim.now() + 100 * interval;
    while ((!changes.isEmpty() || !joins.isEmpty()) && sim.now() < deadline) {
      sim.runFor(Duration.ofMillis(interval));
    }
    pad(changeRounds, changeTrials);
    pad(joinRounds, joinTrials);
    return new Result(changeRounds, joinRounds, warmUp);
  }

  private static void pad(List<Integer> rounds, int trials) {
    while (rounds.size() < trials) {
      rounds.add(Integer.MAX_VALUE);
    }
  }

  private void start(String id, List<String> seeds) {
    GossipSimulation.SimNode node = sim.start(id, 1, seeds);
    known.put(node.id, 0);
    node.gossiper.addListener(
        new MembershipListener() {
          @Override
          public void onJoined(MemberView member) {
            known.merge(node.id, 1, Integer::sum);
            reached(joins, member.id(), node.id, joinRounds);
            onChanged(member); // a node that joined meanwhile may learn the change with the member
          }

          @Override
          public void onChanged(MemberView member) {
            Trial trial = changes.get(member.id());
            if (trial != null && member.state().tableVersion() >= trial.tableVersion) {
              reached(changes, member.id(), node.id, changeRounds);
            }
          }
        });
  }

  private void startChange() {
    List<GossipSimulation.SimNode> running = sim.running();
    GossipSimulation.SimNode origin;
    do {
      origin = running.get(sim.random().nextInt(running.size()));
    } while (changes.containsKey(origin.id));
    long version = ++tableVersions;
    changes.put(origin.id, new Trial(origin.id, sim.now(), othersThan(origin.id), version));
    origin.gossiper.setTableVersion(version);
  }

  private void join(String id, List<String> seeds) {
    NodeId joiner = NodeId.of(id);
    joins.put(joiner, new Trial(joiner, sim.now(), othersThan(joiner), 0));
    start(id, seeds);
  }

  private Set<NodeId> othersThan(NodeId subject) {
    Set<NodeId> others = new HashSet<>();
    for (GossipSimulation.SimNode node : sim.running()) {
      if (!node.id.equals(subject)) {
        others.add(node.id);
      }
    }
    return others;
  }

  private void reached(
      Map<NodeId, Trial> pending, NodeId subject, NodeId observer, List<Integer> out) {
    Trial trial = pending.get(subject);
    if (trial != null && trial.waiting.remove(observer) && trial.waiting.isEmpty()) {
      out.add((int) Math.ceil((sim.now() - trial.started) / (double) interval));
      pending.remove(subject);
    }
  }
}
