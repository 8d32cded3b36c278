package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.cluster.ConfigClusterView;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.MembershipChange;
import dev.ringstore.ring.RingSettings;
import dev.ringstore.ring.TablePlan;
import dev.ringstore.ring.TablePlanner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Ownership changes on the harness: the config service (its real state machine) plans and commits,
 * the nodes stream buckets to their new owners under client load, and the old copies go.
 */
class TransferTest {
  private static final RingSettings RING = new RingSettings(64, 3, 16);
  private static final UnaryOperator<NodeConfig> SMALL_RING = c -> c.withRing(RING);

  @Test
  void aNodeJoinsUnderLoadAndEveryAcknowledgedWriteSurvives() throws Exception {
    MiniCluster.runWithConfigService(
        3,
        SMALL_RING,
        cluster -> {
          BucketTable before = routing(cluster, "n1").current();
          Map<String, String> acked;
          try (Load load = new Load(cluster, "n1")) {
            load.awaitWrites(200);
            cluster.addNode("n4");
            change(cluster, PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")));
            awaitTableEverywhere(cluster, 3);
            load.awaitMoreWrites(200);
            acked = load.acked;
          }
          TablePlan plan =
              TablePlanner.plan(before, new MembershipChange.Add(List.of(Member.of("n4"))));
          BucketTable after = routing(cluster, "n1").current();
          assertThat(lists(after)).isEqualTo(lists(plan.after()));
          assertThat(after.replicaCounts().get(NodeId.of("n4"))).isPositive();
          assertEveryAcknowledgedWriteReadable(cluster, acked, "n4");
          assertOwnersHoldEveryWrite(cluster, after, acked);
          assertOnlyOwnersHoldData(cluster, after);
        });
  }

  @Test
  void aNodeLeavesUnderLoadAndHandsEverythingAway() throws Exception {
    MiniCluster.runWithConfigService(
        4,
        SMALL_RING,
        cluster -> {
          BucketTable before = routing(cluster, "n1").current();
          Map<String, String> acked;
          try (Load load = new Load(cluster, "n1")) {
            load.awaitWrites(200);
            change(cluster, PlanCommand.newBuilder().setLeave("n3"));
            awaitTableEverywhere(cluster, 3);
            load.awaitMoreWrites(200);
            acked = load.acked;
          }
          TablePlan plan = TablePlanner.plan(before, new MembershipChange.Remove(NodeId.of("n3")));
          BucketTable after = routing(cluster, "n1").current();
          assertThat(lists(after)).isEqualTo(lists(plan.after()));
          assertThat(after.member(NodeId.of("n3"))).isEmpty();
          assertThat(cluster.node("n3").node().left()).succeedsWithin(Duration.ofSeconds(10));
          assertThat(cluster.config().status().join())
              .contains("\"id\":\"n3\",\"status\":\"left\"");
          assertEveryAcknowledgedWriteReadable(cluster, acked, "n2");
          assertOwnersHoldEveryWrite(cluster, after, acked);
          assertOnlyOwnersHoldData(cluster, after);
        });
  }

  @Test
  void aReceiverRestartedMidTransferResumesFromItsCursor() throws Exception {
    UnaryOperator<NodeConfig> slow =
        c ->
            c.withRing(RING)
                .withCluster(
                    c.cluster()
                        .withTransfer(
                            c.cluster()
                                .transfer()
                                .withBytesPerSecond(10_000)
                                .withPageBytes(2_000)));
    MiniCluster.runWithConfigService(
        3,
        slow,
        cluster -> {
          SimClient client = cluster.client();
          for (int i = 0; i < 1500; i++) {
            client.put("n1", "key-" + i, "value-" + i + "-".repeat(200));
          }
          cluster.addNode("n4");
          change(cluster, PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")));
          Eventually.within(
              Duration.ofSeconds(30),
              () ->
                  assertThat(cluster.node("n4").node().transferProgress().done())
                      .hasSizeGreaterThan(2));
          var beforeKill = cluster.node("n4").node().transferProgress();
          cluster.kill("n4");
          assertThat(beforeKill.pending()).as("the transfer was still running").isPositive();
          cluster.restart("n4");
          Eventually.within(
              Duration.ofSeconds(5),
              () ->
                  assertThat(cluster.node("n4").node().transferProgress().done())
                      .as("buckets finished before the restart are not fetched again")
                      .containsAll(beforeKill.done()));
          awaitTableEverywhere(cluster, 3);
          BucketTable after = routing(cluster, "n1").current();
          for (int i = 0; i < 1500; i += 7) {
            assertThat(client.get("n4", "key-" + i).found()).isTrue();
          }
          assertOnlyOwnersHoldData(cluster, after);
        });
  }

  @Test
  void aWriteDuringATransferAlsoNeedsTheIncomingOwner() throws Exception {
    UnaryOperator<NodeConfig> stalled =
        c ->
            c.withRing(RING)
                .withCluster(
                    c.cluster().withTransfer(c.cluster().transfer().withBytesPerSecond(1)));
    MiniCluster.runWithConfigService(
        3,
        stalled,
        cluster -> {
          SimClient client = cluster.client();
          for (int i = 0; i < 200; i++) {
            client.put("n1", "key-" + i, "v");
          }
          cluster.addNode("n4");
          cluster.awaitAllLive(Duration.ofSeconds(10));
          change(cluster, PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")));
          awaitTableEverywhere(cluster, 2);
          Routing routing = routing(cluster, "n1");
          String key = keyIncomingTo(routing, NodeId.of("n4"));
          String coordinator =
              routing
                  .current()
                  .preferenceListForKey(key.getBytes(StandardCharsets.UTF_8))
                  .primary()
                  .value();
          RequestOptions w3 = RequestOptions.newBuilder().setW(3).setTimeoutMs(500).build();

          cluster
              .network()
              .isolate(NodeId.of("n4"), Set.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3")));
          assertThatThrownBy(() -> client.put(coordinator, key, "x", ByteString.EMPTY, w3))
              .as("w=3 of the old owners plus the incoming one")
              .hasMessageContaining("3 of the 4");
          cluster.network().heal();
          client.put(coordinator, key, "y", ByteString.EMPTY, w3);
          assertThat(cluster.node("n4").stored(key).values())
              .anySatisfy(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("y"));
        });
  }

  @Test
  void aWriteOnlyTheLeavingOwnerHoldsReachesTheNewOwnerBeforeItsCopyIsDeleted() throws Exception {
    UnaryOperator<NodeConfig> noRepair =
        c -> c.withRing(RING).withCluster(c.cluster().withAntiEntropyInterval(Duration.ZERO));
    MiniCluster.runWithConfigService(
        3,
        noRepair,
        cluster -> {
          BucketTable before = routing(cluster, "n1").current();
          BucketTable after =
              TablePlanner.plan(before, new MembershipChange.Add(List.of(Member.of("n4")))).after();
          Map<String, String> onlyOnLeavingOwner = new java.util.HashMap<>();
          for (int i = 0; onlyOnLeavingOwner.size() < 10; i++) {
            String key = "w1-" + i;
            int bucket = before.bucketOf(key.getBytes(StandardCharsets.UTF_8));
            List<NodeId> owners = before.preferenceList(bucket).nodes();
            List<NodeId> leaving =
                owners.stream()
                    .filter(o -> !after.preferenceList(bucket).nodes().contains(o))
                    .toList();
            // Not the first owner: the one a single-source transfer pulled from.
            if (leaving.size() == 1 && !leaving.get(0).equals(owners.get(0))) {
              cluster.node(leaving.get(0).value()).storeHereOnly(key, "v" + i);
              onlyOnLeavingOwner.put(key, "v" + i);
            }
          }
          cluster.addNode("n4");
          change(cluster, PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")));
          awaitTableEverywhere(cluster, 3);

          onlyOnLeavingOwner.forEach(
              (key, value) ->
                  assertThat(cluster.node("n4").stored(key).values())
                      .as(key)
                      .anySatisfy(
                          v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo(value)));
        });
  }

  private static String keyIncomingTo(Routing routing, NodeId node) {
    for (int i = 0; ; i++) {
      String key = "probe-" + i;
      if (routing
          .incoming(routing.current().bucketOf(key.getBytes(StandardCharsets.UTF_8)))
          .contains(node)) {
        return key;
      }
    }
  }

  @Test
  void withTheConfigServiceDownReadsAndWritesContinueOnCachedTables() throws Exception {
    MiniCluster.runWithConfigService(
        3,
        SMALL_RING,
        cluster -> {
          SimClient client = cluster.client();
          cluster.setConfigServiceAvailable(false);
          for (int i = 0; i < 100; i++) {
            client.put("n" + (1 + i % 3), "down-" + i, "v" + i);
          }
          cluster.kill("n2");
          cluster.restart("n2");
          cluster.awaitAllLive(Duration.ofSeconds(10));
          for (int i = 0; i < 100; i++) {
            assertThat(client.get("n2", "down-" + i).values()).containsExactly("v" + i);
          }
          assertThat(cluster.node("n2").node().cluster().table().version()).isEqualTo(1);
        });
  }

  @Test
  void aRequestWithAnOldTableVersionSucceedsAndTheReplySaysRefresh() throws Exception {
    MiniCluster.runWithConfigService(
        3,
        SMALL_RING,
        cluster -> {
          cluster.addNode("n4");
          change(cluster, PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")));
          awaitTableEverywhere(cluster, 3);
          SimClient client = cluster.client();
          client.put("n1", "k", "v");
          Response reply =
              client.call(
                  "n1",
                  Request.newBuilder()
                      .setTableVersion(1)
                      .setGet(GetRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")))
                      .build());
          assertThat(reply.getGet().getFound()).isTrue();
          assertThat(reply.getTableVersion()).isEqualTo(3);
        });
  }

  private static void change(MiniCluster cluster, PlanCommand.Builder plan) {
    cluster.config().plan(plan.build()).join();
    cluster.config().commit().join();
  }

  private static Routing routing(MiniCluster cluster, String node) {
    return ((ConfigClusterView) cluster.node(node).node().cluster()).routing();
  }

  private static List<List<NodeId>> lists(BucketTable table) {
    return IntStream.range(0, table.bucketCount())
        .mapToObj(b -> table.preferenceList(b).nodes())
        .toList();
  }

  static void awaitTableEverywhere(MiniCluster cluster, long version) throws InterruptedException {
    Eventually.within(
        Duration.ofSeconds(60),
        () ->
            cluster.nodes().stream()
                .filter(MiniNode::isRunning)
                .forEach(
                    n ->
                        assertThat(n.node().cluster().table().version())
                            .as("table version on " + n.id())
                            .isGreaterThanOrEqualTo(version)));
  }

  private static void assertEveryAcknowledgedWriteReadable(
      MiniCluster cluster, Map<String, String> acked, String via) {
    SimClient client = cluster.client();
    acked.forEach(
        (key, value) -> {
          SimClient.Read read = client.get(via, key);
          assertThat(read.found()).as(key).isTrue();
          assertThat(read.values()).as(key).contains(value);
        });
  }

  static void assertOwnersHoldEveryWrite(
      MiniCluster cluster, BucketTable table, Map<String, String> acked)
      throws InterruptedException {
    Eventually.within(
        Duration.ofSeconds(20),
        () ->
            acked.forEach(
                (key, value) -> {
                  int bucket = table.bucketOf(key.getBytes(StandardCharsets.UTF_8));
                  for (NodeId owner : table.preferenceList(bucket).nodes()) {
                    assertThat(cluster.node(owner.value()).stored(key).values())
                        .as(key + " on " + owner)
                        .anySatisfy(
                            v ->
                                assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo(value));
                  }
                }));
  }

  private static void assertOnlyOwnersHoldData(MiniCluster cluster, BucketTable table)
      throws InterruptedException {
    Eventually.within(
        Duration.ofSeconds(20),
        () -> {
          for (int b = 0; b < table.bucketCount(); b++) {
            for (MiniNode node : cluster.nodes()) {
              if (!node.isRunning()) {
                continue;
              }
              boolean owner = table.preferenceList(b).contains(node.id());
              if (!owner) {
                assertThat(node.keysIn(b)).as("bucket " + b + " on " + node.id()).isZero();
              }
            }
          }
        });
  }

  /**
   * Writers that keep putting while a test changes the cluster; remembers what was acknowledged.
   */
  static final class Load implements AutoCloseable {
    final Map<String, String> acked = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong count = new AtomicLong();
    private final Thread writer;

    Load(MiniCluster cluster, String via) {
      SimClient client = cluster.client("client-load");
      writer =
          new Thread(
              () -> {
                int i = 0;
                while (running.get()) {
                  String key = "key-" + (i % 500);
                  String value = "v" + i;
                  try {
                    client.put(via, key, value);
                    acked.put(key, value);
                    count.incrementAndGet();
                  } catch (RuntimeException e) {
                    // not acknowledged: nothing is promised about it
                  }
                  i++;
                }
              },
              "load");
      writer.start();
    }

    /** Waits for {@code more} further acknowledged writes. */
    void awaitMoreWrites(int more) throws InterruptedException {
      long start = count.get();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (count.get() < start + more && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }

    void awaitWrites(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acked.size() < Math.min(count, 500) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
    }

    @Override
    public void close() {
      running.set(false);
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
