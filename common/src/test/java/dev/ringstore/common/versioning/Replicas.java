package dev.ringstore.common.versioning;

import dev.ringstore.common.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A few replicas of one key, each a coordinating actor with its stored set, driven by {@link Op}s.
 * Every write stores a unique value ({@code v1}, {@code v2}, ...) so tests can follow each write.
 * Timestamps come from a counter, not a clock.
 */
final class Replicas {
  /** What a client got from a read: the live values, the siblings' dots and the context. */
  record Read(int replica, Set<String> values, Set<Dot> dots, CausalContext context) {}

  private final ActorId[] actors;
  private final DottedVersionVectorSet[] states;
  private final List<Read> reads = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  private final List<DottedVersionVectorSet> snapshots = new ArrayList<>();
  private long clock;

  private Replicas(ActorId[] actors) {
    this.actors = actors;
    this.states = new DottedVersionVectorSet[actors.length];
    Arrays.fill(states, DottedVersionVectorSet.empty());
  }

  /** Replicas on nodes {@code n1..n<count>}, each with a random incarnation. */
  static Replicas create(int count, long seed) {
    Random random = new Random(seed);
    ActorId[] actors = new ActorId[count];
    for (int i = 0; i < count; i++) {
      actors[i] = ActorId.newIncarnation(NodeId.of("n" + (i + 1)), random);
    }
    return new Replicas(actors);
  }

  int size() {
    return actors.length;
  }

  ActorId actor(int replica) {
    return actors[replica];
  }

  DottedVersionVectorSet state(int replica) {
    return states[replica];
  }

  /** Every state any replica was in, in order, including the initial empty ones. */
  List<DottedVersionVectorSet> snapshots() {
    return snapshots;
  }

  /** Every value any client wrote, in order. */
  List<String> written() {
    return written;
  }

  void apply(Op op) {
    if (op instanceof Op.Put put) {
      put(put.replica() % size(), contextOf(put.withContext(), put.read()));
    } else if (op instanceof Op.Delete delete) {
      write(delete.replica() % size(), contextOf(delete.withContext(), delete.read()), null);
    } else if (op instanceof Op.Get get) {
      get(get.replica() % size());
    } else if (op instanceof Op.Sync sync) {
      int from = sync.from() % size();
      int to = sync.to() % size();
      if (from != to) {
        if (sync.bothWays()) {
          sync(from, to);
        } else {
          set(to, states[to].sync(states[from]));
        }
      }
    }
  }

  private CausalContext contextOf(boolean withContext, int read) {
    return withContext && !reads.isEmpty()
        ? reads.get(read % reads.size()).context()
        : CausalContext.EMPTY;
  }

  Read get(int replica) {
    DottedVersionVectorSet state = states[replica];
    Set<Dot> dots =
        state.siblings().stream().map(Sibling::dot).collect(Collectors.toUnmodifiableSet());
    Read read = new Read(replica, live(state), dots, state.context());
    reads.add(read);
    return read;
  }

  /** Writes a fresh unique value through {@code replica} and returns it. */
  String put(int replica, CausalContext context) {
    String value = "v" + (written.size() + 1);
    written.add(value);
    write(replica, context, value);
    return value;
  }

  private void write(int replica, CausalContext context, String value) {
    long timestamp = ++clock;
    set(
        replica,
        value == null
            ? states[replica].delete(context, timestamp, actors[replica])
            : states[replica].update(context, bytes(value), timestamp, actors[replica]));
  }

  /** Both replicas exchange their states and end up with the merge. */
  void sync(int a, int b) {
    DottedVersionVectorSet merged = states[a].sync(states[b]);
    set(a, merged);
    set(b, merged);
  }

  /** Full anti-entropy: afterwards every replica holds the merge of all of them. */
  void syncAll() {
    for (int round = 0; round < 2; round++) {
      for (int i = 1; i < size(); i++) {
        sync(0, i);
      }
    }
  }

  /** The replica lost its disk and comes back empty, writing as {@code newActor}. */
  void wipe(int replica, ActorId newActor) {
    actors[replica] = newActor;
    set(replica, DottedVersionVectorSet.empty());
  }

  private void set(int replica, DottedVersionVectorSet state) {
    states[replica] = state;
    snapshots.add(state);
  }

  static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** The live values of a set, as strings. */
  static Set<String> live(DottedVersionVectorSet set) {
    return set.values().stream()
        .map(value -> new String(value, StandardCharsets.UTF_8))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
