package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.RemoteConfigChannel;
import dev.ringstore.config.server.ConfigServer;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.NodeRecord;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringstore plan}, {@code commit} and {@code ring} against a real one-replica config service
 * in this JVM (nodes that ask to join are stand-ins: only their join requests are real).
 */
@Timeout(120)
class ChangePlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private ConfigServer server;
  private ConfigClient nodes;
  private String service;

  @BeforeEach
  void startTheService() throws Exception {
    ReplicaId c1 = ReplicaId.of("c1");
    server =
        ConfigServer.start(
            c1,
            Map.of(c1, new InetSocketAddress("127.0.0.1", NodeProcess.freePort())),
            dir.resolve("c1"),
            new InetSocketAddress("127.0.0.1", 0),
            RaftTimings.DEFAULT);
    for (int i = 0; i < 200 && server.group().status().leader().isEmpty(); i++) {
      Thread.sleep(50);
    }
    service = HostPort.format(server.address());
    nodes =
        new ConfigClient(
            new RemoteConfigChannel(
                ProtocolClient.create(ProtocolLimits.defaults()),
                true,
                List.of(server.address()),
                Duration.ofSeconds(5)),
            InstantSource.system());
    for (int k = 1; k <= 3; k++) {
      askToJoin("n" + k);
    }
  }

  @AfterEach
  void stopTheService() {
    nodes.close();
    server.close();
  }

  @Test
  void theFirstTableIsPlannedWithItsShapeAndCommitted() throws Exception {
    assertRefused(run("ring"), "the cluster has no table yet");

    JsonNode plan = JSON.readTree(run("plan", "join", "--buckets", "64", "--json").out());
    assertThat(plan.get("change").asText()).isEqualTo("join n1,n2,n3");
    assertThat(plan.get("against").asLong()).isZero();
    assertThat(plan.get("version").asLong()).isEqualTo(1);
    assertThat(plan.get("replicasPerNode").toString()).isEqualTo("{\"n1\":64,\"n2\":64,\"n3\":64}");

    CommandRun commit = run("commit");
    assertThat(commit.exitCode()).as(commit.err()).isZero();
    assertThat(commit.out()).isEqualTo("committed: join n1,n2,n3 as table v1\n");

    JsonNode ring = JSON.readTree(run("ring", "--json").out());
    assertThat(ring.get("version").asLong()).isEqualTo(1);
    assertThat(ring.get("buckets").asInt()).isEqualTo(64);
    assertThat(ring.get("nodes").toString())
        .isEqualTo("[{\"id\":\"n1\"},{\"id\":\"n2\"},{\"id\":\"n3\"}]");
    assertThat(ring.get("table")).hasSize(64);
    assertThat(ring.has("target")).isFalse();
    assertThat(run("ring").out())
        .startsWith("table v1\n3 nodes, 64 buckets")
        .contains("no transfer");
  }

  @Test
  void aJoinIsPlannedShownAndCancelledAndRefusalsAreOneLine() throws Exception {
    assertRefused(run("commit"), "nothing is planned; run ringstore plan first");
    assertThat(run("plan", "join").exitCode()).isZero();
    assertThat(run("commit").exitCode()).isZero();

    assertRefused(run("plan", "join", "n9"), "unknown node n9; a node joins by starting with");
    CommandRun shape = run("plan", "join", "--tokens", "8");
    assertThat(shape.exitCode()).isEqualTo(2);
    assertThat(shape.err()).contains("shape a cluster's first table; this one is at v1");

    askToJoin("n4");
    CommandRun plan = run("plan", "join", "n4");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .startsWith("planned: join n4\ntable v1 -> v2\nmoves: ")
        .contains("n4                 768   +768      0");
    assertThat(run("plan", "cancel", "--json").out()).isEqualTo("{\"cancelled\":true}\n");
    assertThat(run("plan", "cancel").out()).isEqualTo("nothing was planned\n");
  }

  @Test
  void whileBucketsMoveRingShowsTheTargetTableToo() throws Exception {
    run("plan", "join");
    run("commit");
    askToJoin("n4");
    run("plan", "join", "n4");
    assertThat(run("commit").out()).startsWith("committed: join n4 as table v2; 768");

    JsonNode ring = JSON.readTree(run("ring", "--json").out());
    assertThat(ring.get("version").asLong()).isEqualTo(2);
    assertThat(ring.get("nodes")).hasSize(3);
    assertThat(ring.get("target").get("nodes")).hasSize(4);
    assertThat(ring.get("target").get("table")).hasSize(1024);
    assertThat(run("ring").out()).startsWith("table v2\n").contains("a transfer runs");
    assertRefused(run("plan", "leave", "n1"), "a transfer to table v2 is still running");
  }

  @Test
  void clientCommandsWithConfigGoToANodeOfTheTable() throws Exception {
    run("plan", "join");
    run("commit");

    CommandRun get = run("get", "k");

    assertThat(get.exitCode()).isEqualTo(1);
    assertThat(get.err().strip().lines()).hasSize(1);
    assertThat(get.err()).contains("no node of table v1 answers (n1: cannot connect to 127.0.0.1:");
  }

  @Test
  void badArgumentsExitTwoBeforeAskingTheService() {
    assertThat(run("plan", "join", "n 4").exitCode()).isEqualTo(2);
    assertThat(run("plan", "replace", "n1").exitCode()).isEqualTo(2);
    CommandRun buckets = run("plan", "join", "--buckets", "1000");
    assertThat(buckets.exitCode()).isEqualTo(2);
    assertThat(buckets.err()).contains("power of two");
  }

  @Test
  void anUnreachableServiceIsOneLineNamingWhatWasTried() throws Exception {
    int closed = NodeProcess.freePort();

    CommandRun result =
        CommandRun.of("commit", "--config", "127.0.0.1:" + closed, "--timeout", "2s");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith("ringstore: the config service at 127.0.0.1:" + closed + " did not answer");
  }

  private CommandRun run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = service;
    return CommandRun.of(all);
  }

  private static void assertRefused(CommandRun result, String message) {
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("ringstore: " + message);
  }

  private void askToJoin(String id) {
    nodes
        .join(
            NodeRecord.newBuilder()
                .setId(id)
                .setAddress("127.0.0.1:" + (7201 + id.charAt(1) - '1'))
                .build())
        .join();
  }
}
