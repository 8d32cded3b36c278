package dev.ringstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.RingShape;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.MembershipChange;
import dev.ringstore.ring.TablePlanner;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ConfigStateTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final ConfigState state = new ConfigState();
  private final ConfigClient config =
      new ConfigClient(new InProcessConfigChannel(state), InstantSource.fixed(Instant.EPOCH));

  @Test
  void joinedNodesMakeTheFirstTableOnCommit() throws Exception {
    joinAll("n1", "n2", "n3");
    assertThat(config.tableSince(0).join()).isEmpty();

    JsonNode plan = json(config.plan(join().setShape(shape()).build()).join());
    assertThat(plan.get("version").asLong()).isEqualTo(1);
    assertThat(plan.get("moveCount").asInt()).isZero();
    JsonNode committed = json(config.commit().join());

    assertThat(committed.get("version").asLong()).isEqualTo(1);
    Routing routing = config.tableSince(0).join().orElseThrow();
    assertThat(routing.current().members())
        .extracting(m -> m.id().value())
        .containsExactly("n1", "n2", "n3");
    assertThat(routing.inTransfer()).isFalse();
    assertThat(routing.address(NodeId.of("n2"))).contains("127.0.0.1:7002");
    assertThat(config.tableSince(1).join()).isEmpty();
  }

  @Test
  void aJoinTransfersTheMovedBucketsThenDropsTheOldOwners() throws Exception {
    startCluster();
    BucketTable before = config.tableSince(0).join().orElseThrow().current();
    joinAll("n4");
    JsonNode plan = json(config.plan(join().build()).join());
    config.commit().join();

    Routing transfer = config.tableSince(1).join().orElseThrow();
    assertThat(transfer.version()).isEqualTo(2);
    assertThat(transfer.inTransfer()).isTrue();
    List<Integer> incoming = new ArrayList<>();
    for (int b = 0; b < 64; b++) {
      if (transfer.incoming(b).contains(NodeId.of("n4"))) {
        incoming.add(b);
      }
    }
    var expected = TablePlanner.plan(before, new MembershipChange.Add(List.of(Member.of("n4"))));
    assertThat(incoming).hasSize(expected.moves().size()).hasSize(plan.get("moveCount").asInt());

    heartbeat("n4", 2, incoming.subList(0, 3));
    assertThat(state.version()).isEqualTo(2);
    heartbeat("n4", 2, incoming);

    Routing done = config.tableSince(2).join().orElseThrow();
    assertThat(done.version()).isEqualTo(3);
    assertThat(done.inTransfer()).isFalse();
    assertThat(done.current().replicaCounts()).isEqualTo(expected.after().replicaCounts());
  }

  @Test
  void aLeaverEndsAsLeftAndRefusedCommandsChangeNothing() throws Exception {
    startCluster();
    assertThatThrownBy(() -> config.commit().join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("nothing is planned");
    assertThatThrownBy(() -> config.plan(PlanCommand.newBuilder().setLeave("n9").build()).join())
        .hasMessageContaining("unknown node n9");
    byte[] before = state.snapshot();
    config.plan(PlanCommand.newBuilder().setLeave("n3").build()).join();
    config.cancel().join();
    assertThatThrownBy(() -> config.commit().join()).hasMessageContaining("nothing is planned");

    config.plan(PlanCommand.newBuilder().setLeave("n3").build()).join();
    config.commit().join();
    Routing transfer = config.tableSince(0).join().orElseThrow();
    for (String node : List.of("n1", "n2")) {
      List<Integer> buckets = new ArrayList<>();
      for (int b = 0; b < 64; b++) {
        if (transfer.incoming(b).contains(NodeId.of(node))) {
          buckets.add(b);
        }
      }
      heartbeat(node, 2, buckets);
    }
    Routing done = config.tableSince(0).join().orElseThrow();
    assertThat(done.current().member(NodeId.of("n3"))).isEmpty();
    JsonNode status = json(config.status().join());
    assertThat(status.get("nodes").get(2).get("status").asText()).isEqualTo("left");
    assertThat(before).isNotEqualTo(state.snapshot());
  }

  @Test
  void aLivenessHeartbeatIsShownByStatusButNeverWrittenToTheReplicatedState() throws Exception {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000);
    ConfigClient clocked =
        new ConfigClient(new InProcessConfigChannel(state), () -> Instant.ofEpochMilli(now.get()));
    startCluster();
    HeartbeatCommand.Builder report =
        HeartbeatCommand.newBuilder().setNode("n2").setTableVersion(1);
    clocked.heartbeat(report.setKeys(5).build()).join(); // the first one is logged
    byte[] logged = state.snapshot();

    now.addAndGet(1_000);
    assertThat(clocked.heartbeat(report.setKeys(7).build()).join()).isEqualTo(1);
    assertThat(state.snapshot()).as("replicated state after a liveness beat").isEqualTo(logged);
    JsonNode n2 = json(clocked.status().join()).get("nodes").get(1);
    assertThat(n2.get("keys").asLong()).isEqualTo(7);
    assertThat(n2.get("reportedAtMillis").asLong()).isEqualTo(2_000);

    now.addAndGet(ConfigClient.LOGGED_HEARTBEAT_EVERY);
    clocked.heartbeat(report.setKeys(9).build()).join();
    assertThat(state.snapshot()).as("the periodic logged beat").isNotEqualTo(logged);
    assertThatThrownBy(() -> clocked.heartbeat(report.setNode("stranger").build()).join())
        .hasMessageContaining("unknown node");
  }

  @Test
  void aSnapshotRestoresTheSameState() throws Exception {
    startCluster();
    joinAll("n4");
    config.plan(join().build()).join();
    config.commit().join();
    byte[] snapshot = state.snapshot();
    ConfigState restored = new ConfigState();
    restored.restore(snapshot);
    assertThat(restored.snapshot()).isEqualTo(snapshot);
    assertThat(restored.version()).isEqualTo(2);
  }

  private void startCluster() {
    joinAll("n1", "n2", "n3");
    config.plan(join().setShape(shape()).build()).join();
    config.commit().join();
  }

  private void joinAll(String... ids) {
    for (String id : ids) {
      String port = "70" + String.format("%02d", Integer.parseInt(id.substring(1)));
      config.join(NodeRecord.newBuilder().setId(id).setAddress("127.0.0.1:" + port).build()).join();
    }
  }

  private void heartbeat(String node, long version, List<Integer> done) {
    config
        .heartbeat(
            HeartbeatCommand.newBuilder()
                .setNode(node)
                .setTableVersion(version)
                .setTransferVersion(version)
                .addAllDoneBuckets(done)
                .build())
        .join();
  }

  private static PlanCommand.Builder join() {
    return PlanCommand.newBuilder().setJoin(PlanJoin.getDefaultInstance());
  }

  private static RingShape shape() {
    return RingShape.newBuilder().setBuckets(64).setReplicas(3).setTokens(16).build();
  }

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }
}
