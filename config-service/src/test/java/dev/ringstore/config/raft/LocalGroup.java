package dev.ringstore.config.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.GroupStatus;
import dev.ringstore.config.LeaderChange;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.SnapshotPolicy;
import dev.ringstore.security.TransportSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ratis.conf.RaftProperties;

/**
 * A group of real Ratis replicas in this JVM, on free localhost ports, each with its own data
 * directory: start, kill (close) and restart replicas, and watch who leads.
 */
final class LocalGroup implements AutoCloseable {
  private final Map<ReplicaId, InetSocketAddress> peers;
  private final Map<ReplicaId, Path> dataDirs = new LinkedHashMap<>();
  private final Map<ReplicaId, ConsensusGroup> running = new ConcurrentHashMap<>();
  private final Map<ReplicaId, AppendOnlyLongs> states = new ConcurrentHashMap<>();
  private final List<LeaderChange> leaderChanges = new CopyOnWriteArrayList<>();
  private final RaftTimings timings;
  private final SnapshotPolicy snapshots;
  private final Map<ReplicaId, TransportSecurity> security = new ConcurrentHashMap<>();
  private Consumer<RaftProperties> tuning = properties -> {};

  LocalGroup(int size, Path root, RaftTimings timings, SnapshotPolicy snapshots) {
    this.timings = timings;
    this.snapshots = snapshots;
    Map<ReplicaId, InetSocketAddress> addresses = new LinkedHashMap<>();
    for (int i = 1; i <= size; i++) {
      ReplicaId id = ReplicaId.of("c" + i);
      addresses.put(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort()));
      dataDirs.put(id, root.resolve(id.value()));
    }
    this.peers = Map.copyOf(addresses);
  }

  /** Changes Ratis settings beyond Ringstore's for the replicas started from now on. */
  LocalGroup tune(Consumer<RaftProperties> tuning) {
    this.tuning = tuning;
    return this;
  }

  /** Secures {@code id}'s Raft traffic from its next start on (replicas are open by default). */
  LocalGroup secure(ReplicaId id, TransportSecurity transport) {
    security.put(id, transport);
    return this;
  }

  List<ReplicaId> ids() {
    return List.copyOf(dataDirs.keySet());
  }

  Map<ReplicaId, InetSocketAddress> peers() {
    return peers;
  }

  Path dataDir(ReplicaId id) {
    return dataDirs.get(id);
  }

  /** Starts every replica; if one cannot start, stops those that did. */
  LocalGroup startAll() {
    try {
      ids().forEach(this::start);
    } catch (RuntimeException e) {
      stopAll();
      throw e;
    }
    return this;
  }

  /** Starts (or restarts) a replica on its data directory, with a fresh, empty state. */
  ConsensusGroup start(ReplicaId id) {
    AppendOnlyLongs state = new AppendOnlyLongs();
    ConsensusGroup group =
        RatisConsensusGroup.start(
            id,
            peers,
            dataDirs.get(id),
            state,
            timings,
            snapshots,
            security.getOrDefault(id, TransportSecurity.open()),
            tuning);
    group.addLeaderListener(leaderChanges::add);
    states.put(id, state);
    running.put(id, group);
    return group;
  }

  void kill(ReplicaId id) {
    ConsensusGroup group = running.remove(id);
    if (group != null) {
      group.close();
    }
  }

  ConsensusGroup replica(ReplicaId id) {
    return running.get(id);
  }

  AppendOnlyLongs state(ReplicaId id) {
    return states.get(id);
  }

  Set<ReplicaId> runningIds() {
    return Set.copyOf(running.keySet());
  }

  /** Waits until a running replica says it leads a term above {@code afterTerm}; returns it. */
  ReplicaId awaitLeader(long afterTerm, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsensusGroup g : running.values()) {
        GroupStatus s = g.status();
        if (s.isLeader() && s.term() > afterTerm) {
          return s.self();
        }
      }
      sleep(10);
    }
    throw new AssertionError("no leader after term " + afterTerm + " within " + within);
  }

  ReplicaId awaitLeader(Duration within) {
    return awaitLeader(0, within);
  }

  /** Every replica that runs and is not {@code except}. */
  List<ReplicaId> othersThan(ReplicaId except) {
    return ids().stream().filter(id -> !id.equals(except) && running.containsKey(id)).toList();
  }

  /** Waits until every running replica's state holds exactly {@code expected}. */
  void awaitAllHold(List<Long> expected, Duration within) {
    await(
        () -> running.keySet().stream().allMatch(id -> states.get(id).values().equals(expected)),
        within,
        () -> "states " + currentValues() + " never all became " + expected);
  }

  Map<ReplicaId, List<Long>> currentValues() {
    return running.keySet().stream()
        .collect(
            Collectors.toMap(id -> id, id -> states.get(id).values(), (a, b) -> a, TreeMap::new));
  }

  List<LeaderChange> leaderChanges() {
    return List.copyOf(leaderChanges);
  }

  /** Raft's election safety: across all replicas' observations, no term had two leaders. */
  void assertAtMostOneLeaderPerTerm() {
    Map<Long, Set<ReplicaId>> leadersByTerm =
        leaderChanges.stream()
            .collect(
                Collectors.groupingBy(
                    LeaderChange::term,
                    TreeMap::new,
                    Collectors.mapping(LeaderChange::leader, Collectors.toSet())));
    assertThat(leadersByTerm)
        .isNotEmpty()
        .allSatisfy((term, leaders) -> assertThat(leaders).hasSize(1));
  }

  Optional<Long> maxObservedTerm() {
    return leaderChanges.stream().map(LeaderChange::term).max(Long::compare);
  }

  /** Stops every replica, leaving its data directory for a restart. */
  void stopAll() {
    ids().forEach(this::kill);
  }

  @Override
  public void close() {
    stopAll();
  }

  static void await(BooleanSupplier condition, Duration within, Supplier<String> why) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(why.get());
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
