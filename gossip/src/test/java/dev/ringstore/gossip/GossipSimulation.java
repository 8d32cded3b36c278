package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Many gossipers in one thread: a discrete-event simulation with one manual clock, a network that
 * delays (uniformly between a minimum and a maximum latency) and loses messages, and round timers
 * with random phases and optional jitter. Everything random derives from one seed, so a run is
 * reproducible. No sockets, no threads.
 */
final class GossipSimulation {
  private record Event(long at, long seq, Runnable action) {}

  /** One simulated node: an address and, while it runs, a gossiper. */
  static final class SimNode {
    final NodeId id;
    final String address;
    Gossiper gossiper;
    boolean running;

    SimNode(NodeId id, String address) {
      this.id = id;
      this.address = address;
    }
  }

  private final SimulatedClock clock = new SimulatedClock(1_000_000_000L);
  private final SplittableRandom random;
  private final GossipSettings settings;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final Map<NodeId, SimNode> nodes = new LinkedHashMap<>();
  private final Map<String, SimNode> byAddress = new LinkedHashMap<>();
  private long sequence;
  private double lossRate;
  private long minLatencyMillis = 1;
  private long maxLatencyMillis = 10;
  private long timerJitterMillis;
  private long messagesSent;
  private BiConsumer<String, GossipMessage> tap = (address, message) -> {};

  GossipSimulation(long seed, GossipSettings settings) {
    this.random = new SplittableRandom(seed);
    this.settings = settings;
  }

  /**
   * Every message is lost with probability {@code lossRate} and delayed uniformly in [min, max].
   */
  GossipSimulation network(double lossRate, long minLatencyMillis, long maxLatencyMillis) {
    this.lossRate = lossRate;
    this.minLatencyMillis = minLatencyMillis;
    this.maxLatencyMillis = maxLatencyMillis;
    return this;
  }

  /** Shows every message sent (before the network may lose it) to {@code tap}. */
  void tap(BiConsumer<String, GossipMessage> tap) {
    this.tap = tap;
  }

  /** Every round fires up to {@code millis} early or late. */
  GossipSimulation timerJitter(long millis) {
    this.timerJitterMillis = millis;
    return this;
  }

  /** Starts (or restarts, with a higher generation) node {@code id}; its first round is random. */
  SimNode start(String id, long generation, List<String> seeds) {
    NodeId nodeId = NodeId.of(id);
    SimNode node = nodes.computeIfAbsent(nodeId, key -> new SimNode(key, id + ":7000"));
    byAddress.put(node.address, node);
    MemberState self = MemberState.initial(nodeId, node.address, null, generation, MemberStatus.UP);
    Gossiper gossiper = new Gossiper(self, seeds, this::send, clock, random.split(), settings);
    node.gossiper = gossiper;
    node.running = true;
    schedule(clock.millis() + random.nextLong(interval()), () -> round(node, gossiper));
    return node;
  }

  /** Stops node {@code id} as a crash would: no more rounds, every message to it lost. */
  void stop(String id) {
    nodes.get(NodeId.of(id)).running = false;
  }

  SimNode node(String id) {
    return nodes.get(NodeId.of(id));
  }

  List<SimNode> running() {
    return nodes.values().stream().filter(node -> node.running).toList();
  }

  List<SimNode> nodes() {
    return new ArrayList<>(nodes.values());
  }

  long now() {
    return clock.millis();
  }

  long messagesSent() {
    return messagesSent;
  }

  SplittableRandom random() {
    return random;
  }

  /** Runs every event due in the next {@code duration}, then leaves the clock at its end. */
  void runFor(Duration duration) {
    runUntil(clock.millis() + duration.toMillis());
  }

  void runUntil(long end) {
    while (!events.isEmpty() && events.peek().at <= end) {
      Event event = events.poll();
      clock.set(event.at);
      event.action.run();
    }
    clock.set(end);
  }

  /** Runs {@code action} at {@code at} of the simulated time, among the other events. */
  void schedule(long at, Runnable action) {
    events.add(new Event(at, sequence++, action));
  }

  private long interval() {
    return settings.interval().toMillis();
  }

  private void round(SimNode node, Gossiper gossiper) {
    if (!node.running || node.gossiper != gossiper) {
      return; // stopped, or restarted with a new gossiper that has its own timer
    }
    gossiper.runRound();
    long jitter =
        timerJitterMillis == 0 ? 0 : random.nextLong(-timerJitterMillis, timerJitterMillis + 1);
    schedule(clock.millis() + interval() + jitter, () -> round(node, gossiper));
  }

  private void send(String address, GossipMessage message) {
    messagesSent++;
    tap.accept(address, message);
    if (lossRate > 0 && random.nextDouble() < lossRate) {
      return;
    }
    long latency = minLatencyMillis + random.nextLong(maxLatencyMillis - minLatencyMillis + 1);
    schedule(
        clock.millis() + latency,
        () -> {
          SimNode target = byAddress.get(address);
          if (target != null && target.running) {
            target.gossiper.receive(message);
          }
        });
  }
}
