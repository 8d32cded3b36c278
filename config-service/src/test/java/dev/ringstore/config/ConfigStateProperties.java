package dev.ringstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.v1.CancelCommand;
import dev.ringstore.protocol.v1.CommitCommand;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.JoinCommand;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.PlanReplace;
import dev.ringstore.protocol.v1.RingShape;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Any sequence of config commands — joins, plans of every kind, commits, cancels, heartbeats
 * reporting transfers done, many of them refused — after a first table of three nodes keeps the
 * state consistent, and two replicas applying the same log end in the same state: what Raft
 * replication relies on.
 */
class ConfigStateProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RingShape SHAPE =
      RingShape.newBuilder().setBuckets(16).setReplicas(3).setTokens(4).build();

  @Property(tries = 200)
  void everyCommandSequenceKeepsTheStateConsistentAndDeterministic(
      @ForAll("commands") List<ConfigCommand> log) throws Exception {
    ConfigState replica = new ConfigState();
    ConfigState other = new ConfigState();
    ConfigClient reader =
        new ConfigClient(new InProcessConfigChannel(replica), InstantSource.fixed(Instant.EPOCH));
    for (ConfigCommand command : log) {
      for (ConfigCommand resolved : resolve(command, reader)) {
        byte[] reply = replica.apply(resolved.toByteArray());
        assertThat(other.apply(resolved.toByteArray())).isEqualTo(reply);
        checkConsistent(replica, reader);
      }
    }
    JsonNode status = JSON.readTree(reader.status().join());
    Statistics.label("table versions").collect(Math.min(5, status.get("tableVersion").asLong()));
    Statistics.label("a transfer finished")
        .collect(status.get("history").toString().contains("transfer done"));
    assertThat(other.snapshot()).isEqualTo(replica.snapshot());
    ConfigState restored = new ConfigState();
    restored.restore(replica.snapshot());
    assertThat(restored.snapshot()).isEqualTo(replica.snapshot());
  }

  /**
   * A heartbeat from node "*" stands for every receiving node of the running transfer reporting a
   * random part of its buckets done (all of them when the part is 0), as nodes do; any other
   * command is itself.
   */
  private static List<ConfigCommand> resolve(ConfigCommand command, ConfigClient reader) {
    if (!command.hasHeartbeat() || !command.getHeartbeat().getNode().equals("*")) {
      return List.of(command);
    }
    Routing routing = reader.tableSince(0).join().orElse(null);
    if (routing == null || !routing.inTransfer()) {
      return List.of();
    }
    int part = command.getHeartbeat().getPendingBuckets();
    Map<NodeId, HeartbeatCommand.Builder> reports = new TreeMap<>();
    for (int b = 0; b < routing.current().bucketCount(); b++) {
      for (NodeId node : routing.incoming(b)) {
        if (part == 0 || b % part == 0) {
          reports
              .computeIfAbsent(
                  node,
                  n ->
                      HeartbeatCommand.newBuilder()
                          .setNode(n.value())
                          .setTransferVersion(routing.version()))
              .addDoneBuckets(b);
        }
      }
    }
    return reports.values().stream().map(r -> command.toBuilder().setHeartbeat(r).build()).toList();
  }

  private static void checkConsistent(ConfigState state, ConfigClient reader) throws Exception {
    JsonNode status = JSON.readTree(reader.status().join());
    long version = status.get("tableVersion").asLong();
    List<Long> history = new ArrayList<>();
    status.get("history").forEach(e -> history.add(e.get("version").asLong()));
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i)).isEqualTo(history.get(i - 1) + 1);
    }
    if (version == 0) {
      assertThat(history).isEmpty();
      return;
    }
    assertThat(history).last().isEqualTo(version);
    Routing routing = reader.tableSince(0).join().orElseThrow();
    assertThat(routing.version()).isEqualTo(version);
    assertThat(routing.current().version()).isEqualTo(version);
    if (routing.inTransfer()) {
      assertThat(routing.target().version()).isEqualTo(version);
      assertThat(status.get("transfer").get("done").asInt())
          .isLessThan(status.get("transfer").get("moves").asInt());
    }
    status
        .get("nodes")
        .forEach(
            node -> {
              NodeId id = NodeId.of(node.get("id").asText());
              boolean inCurrent = routing.current().member(id).isPresent();
              boolean inTarget = routing.inTransfer() && routing.target().member(id).isPresent();
              String role = node.get("status").asText();
              String what = id + " is " + role;
              switch (role) {
                case "joining", "left" -> assertThat(inCurrent || inTarget).as(what).isFalse();
                case "member" -> assertThat(inCurrent || inTarget).as(what).isTrue();
                case "leaving" -> assertThat(inCurrent && !inTarget).as(what).isTrue();
                case "removed" -> assertThat(inTarget).as(what).isFalse();
                default -> throw new AssertionError(what);
              }
            });
  }

  /** Three nodes join and make table v1, so that most of each sequence changes a live cluster. */
  private static List<ConfigCommand.Builder> firstTable() {
    List<ConfigCommand.Builder> first = new ArrayList<>();
    for (String id : List.of("n1", "n2", "n3")) {
      first.add(
          ConfigCommand.newBuilder()
              .setJoin(
                  JoinCommand.newBuilder()
                      .setNode(NodeRecord.newBuilder().setId(id).setAddress("h:" + id.charAt(1)))));
    }
    first.add(
        ConfigCommand.newBuilder()
            .setPlan(
                PlanCommand.newBuilder().setJoin(PlanJoin.getDefaultInstance()).setShape(SHAPE)));
    first.add(ConfigCommand.newBuilder().setCommit(CommitCommand.getDefaultInstance()));
    return first;
  }

  @Provide
  Arbitrary<List<ConfigCommand>> commands() {
    Arbitrary<String> node = Arbitraries.integers().between(1, 6).map(i -> "n" + i);
    Arbitrary<ConfigCommand.Builder> join =
        node.map(
            id ->
                ConfigCommand.newBuilder()
                    .setJoin(
                        JoinCommand.newBuilder()
                            .setNode(
                                NodeRecord.newBuilder()
                                    .setId(id)
                                    .setAddress("h:" + id.charAt(1)))));
    Arbitrary<ConfigCommand.Builder> planJoin =
        Arbitraries.oneOf(Arbitraries.just(List.<String>of()), node.list().ofMaxSize(2))
            .map(
                ids ->
                    ConfigCommand.newBuilder()
                        .setPlan(
                            PlanCommand.newBuilder()
                                .setJoin(PlanJoin.newBuilder().addAllNodes(ids))
                                .setShape(SHAPE)));
    Arbitrary<ConfigCommand.Builder> planLeave =
        node.map(id -> ConfigCommand.newBuilder().setPlan(PlanCommand.newBuilder().setLeave(id)));
    Arbitrary<ConfigCommand.Builder> planRemove =
        node.map(
            id -> ConfigCommand.newBuilder().setPlan(PlanCommand.newBuilder().setRemoveDead(id)));
    Arbitrary<ConfigCommand.Builder> planReplace =
        node.tuple2()
            .map(
                t ->
                    ConfigCommand.newBuilder()
                        .setPlan(
                            PlanCommand.newBuilder()
                                .setReplace(
                                    PlanReplace.newBuilder()
                                        .setOld(t.get1())
                                        .setReplacement(t.get2()))));
    Arbitrary<ConfigCommand.Builder> commit =
        Arbitraries.just(ConfigCommand.newBuilder().setCommit(CommitCommand.getDefaultInstance()));
    Arbitrary<ConfigCommand.Builder> cancel =
        Arbitraries.just(ConfigCommand.newBuilder().setCancel(CancelCommand.getDefaultInstance()));
    Arbitrary<ConfigCommand.Builder> heartbeat =
        Arbitraries.integers()
            .between(0, 15)
            .list()
            .ofMaxSize(16)
            .flatMap(
                buckets ->
                    Arbitraries.integers()
                        .between(0, 8)
                        .flatMap(
                            version ->
                                node.map(
                                    id ->
                                        ConfigCommand.newBuilder()
                                            .setHeartbeat(
                                                HeartbeatCommand.newBuilder()
                                                    .setNode(id)
                                                    .setTransferVersion(version)
                                                    .addAllDoneBuckets(buckets)))));
    Arbitrary<ConfigCommand.Builder> transferProgress =
        Arbitraries.integers()
            .between(0, 3)
            .map(
                part ->
                    ConfigCommand.newBuilder()
                        .setHeartbeat(
                            HeartbeatCommand.newBuilder().setNode("*").setPendingBuckets(part)));
    return Arbitraries.frequencyOf(
            Tuple.of(4, join),
            Tuple.of(5, planJoin),
            Tuple.of(4, transferProgress),
            Tuple.of(1, planLeave),
            Tuple.of(1, planRemove),
            Tuple.of(1, planReplace),
            Tuple.of(4, commit),
            Tuple.of(1, cancel),
            Tuple.of(2, heartbeat))
        .list()
        .ofMinSize(5)
        .ofMaxSize(60)
        .map(
            builders -> {
              List<ConfigCommand.Builder> all = new ArrayList<>(firstTable());
              all.addAll(builders);
              return all;
            })
        .map(
            builders -> {
              List<ConfigCommand> log = new ArrayList<>();
              for (int i = 0; i < builders.size(); i++) {
                log.add(builders.get(i).setAtMillis(1_000L * i).build());
              }
              return log;
            });
  }
}
