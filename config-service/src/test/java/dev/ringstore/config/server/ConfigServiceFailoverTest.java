package dev.ringstore.config.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.RemoteConfigChannel;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.RingShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three config replicas (real Raft, real sockets) under a stream of table changes — join, plan,
 * commit, and the heartbeats that finish each transfer — while the leader is killed: a new leader
 * takes over, at most one per term, and every table version a client saw committed is in the
 * history, in order, with nothing lost.
 */
class ConfigServiceFailoverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RingShape SHAPE =
      RingShape.newBuilder().setBuckets(16).setReplicas(2).setTokens(4).build();

  @TempDir Path dir;

  private final Map<ReplicaId, InetSocketAddress> raft = new TreeMap<>();
  private final Map<ReplicaId, InetSocketAddress> clients = new TreeMap<>();
  private final Map<ReplicaId, ConfigServer> servers = new ConcurrentHashMap<>();
  private final Map<Long, Set<ReplicaId>> leadersByTerm = new ConcurrentHashMap<>();

  @Test
  void killingTheLeaderUnderLoadLosesNoCommittedTableVersion() throws Exception {
    for (String id : List.of("c1", "c2", "c3")) {
      raft.put(ReplicaId.of(id), loopback(freePort()));
      clients.put(ReplicaId.of(id), loopback(freePort()));
    }
    raft.keySet().forEach(this::start);
    try (ConfigClient config = client()) {
      List<Long> committed = new CopyOnWriteArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Thread load = new Thread(() -> changeTables(config, committed, running, failures), "load");
      load.start();
      awaitCommitted(committed, 4);

      ReplicaId leader = leader();
      long killedTerm = servers.get(leader).group().status().term();
      long killedAt = System.nanoTime();
      servers.remove(leader).close();
      ReplicaId next = awaitNewLeader(killedTerm);
      double seconds = (System.nanoTime() - killedAt) / 1e9;
      System.out.printf("config leader %s killed; %s leads after %.2f s%n", leader, next, seconds);
      assertThat(seconds).as("re-election time").isLessThan(15);

      int before = committed.size();
      awaitCommitted(committed, before + 4);
      running.set(false);
      load.join();

      start(leader);
      JsonNode status = JSON.readTree(config.status().join());
      List<Long> history = new ArrayList<>();
      status.get("history").forEach(entry -> history.add(entry.get("version").asLong()));
      long last = history.get(history.size() - 1);
      assertThat(history).as("history is consecutive").isEqualTo(range(history.get(0), last));
      assertThat(history).as("every acknowledged commit").containsAll(committed);
      assertThat(committed).as("commits were acknowledged in version order").isSorted();
      leadersByTerm.forEach(
          (term, leaders) -> assertThat(leaders).as("leaders of term " + term).hasSize(1));
      awaitCaughtUp(leader, last);
    } finally {
      servers.values().forEach(ConfigServer::close);
    }
  }

  /**
   * Finish any running transfer, then join, plan and commit the next node; records each version
   * acknowledged. A command cut off by the failover is not retried: the next round goes on (and
   * finishes the transfer of a commit whose acknowledgement was lost).
   */
  private static void changeTables(
      ConfigClient config, List<Long> committed, AtomicBoolean running, List<Throwable> failures) {
    for (int n = 1; running.get() && n <= 60; n++) {
      String id = "n" + n;
      try {
        finishTransfer(config);
        config
            .join(NodeRecord.newBuilder().setId(id).setAddress("127.0.0.1:" + (9000 + n)).build())
            .join();
        PlanCommand.Builder plan =
            PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes(id));
        config.plan(plan.setShape(SHAPE).build()).join();
        committed.add(JSON.readTree(config.commit().join()).get("version").asLong());
      } catch (RuntimeException | IOException e) {
        failures.add(e);
        sleep(200);
      }
    }
  }

  /** Reports every incoming bucket of the running transfer done, as the receiving nodes would. */
  private static void finishTransfer(ConfigClient config) {
    Routing routing = config.tableSince(0).join().orElse(null);
    if (routing == null || !routing.inTransfer()) {
      return;
    }
    Map<NodeId, HeartbeatCommand.Builder> reports = new TreeMap<>();
    for (int b = 0; b < routing.current().bucketCount(); b++) {
      for (NodeId node : routing.incoming(b)) {
        reports
            .computeIfAbsent(
                node,
                id ->
                    HeartbeatCommand.newBuilder()
                        .setNode(id.value())
                        .setTransferVersion(routing.version()))
            .addDoneBuckets(b);
      }
    }
    reports.values().forEach(report -> config.heartbeat(report.build()).join());
  }

  private void start(ReplicaId id) {
    ConfigServer server =
        ConfigServer.start(id, raft, dir.resolve(id.value()), clients.get(id), RaftTimings.DEFAULT);
    server
        .group()
        .addLeaderListener(
            change ->
                leadersByTerm
                    .computeIfAbsent(change.term(), t -> ConcurrentHashMap.newKeySet())
                    .add(change.leader()));
    servers.put(id, server);
  }

  private ConfigClient client() {
    return new ConfigClient(
        new RemoteConfigChannel(
            ProtocolClient.create(ProtocolLimits.defaults()),
            true,
            List.copyOf(clients.values()),
            Duration.ofSeconds(10)),
        InstantSource.system());
  }

  private ReplicaId leader() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      for (ConfigServer server : servers.values()) {
        if (server.group().status().isLeader()) {
          return server.group().status().self();
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no leader");
  }

  private ReplicaId awaitNewLeader(long killedTerm) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConfigServer server : servers.values()) {
        var status = server.group().status();
        if (status.isLeader() && status.term() > killedTerm) {
          return status.self();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no new leader within 30 s");
  }

  private static void awaitCommitted(List<Long> committed, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (committed.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + committed.size() + " commits within 60 s");
      }
      Thread.sleep(20);
    }
  }

  private void awaitCaughtUp(ReplicaId id, long version) throws Exception {
    try (ConfigClient only =
        new ConfigClient(
            new RemoteConfigChannel(
                ProtocolClient.create(ProtocolLimits.defaults()),
                true,
                List.of(clients.get(id)),
                Duration.ofSeconds(10)),
            InstantSource.system())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        try {
          if (JSON.readTree(only.status().join()).path("tableVersion").asLong() >= version) {
            return;
          }
        } catch (RuntimeException notYet) {
          // the restarted replica is still catching up
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(id + " did not catch up to v" + version);
        }
        Thread.sleep(100);
      }
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> all = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      all.add(v);
    }
    return all;
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
