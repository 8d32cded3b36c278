package dev.ringstore.cli;

import static dev.ringstore.cli.CliProcesses.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.cli.CliProcesses.Result;
import dev.ringstore.client.GetResult;
import dev.ringstore.client.NodeClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config service from the runnable jar: {@code ringstore local --config-replicas 3} commits the
 * first table; a fourth node started with {@code --config} is planned in and committed; the config
 * leader is killed with {@code kill -9} while the buckets move; a new leader takes over, the
 * transfer completes (table v3 on every node) and every key written before reads back through the
 * new node and an old one.
 */
@Timeout(300)
class ConfigServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KEYS = 300;

  @TempDir Path dir;

  @Test
  void aFourthNodeJoinsWhileTheConfigLeaderIsKilledAndEveryKeyReadsBack() throws Exception {
    int base = CliProcesses.freeBasePort(4, 3);
    try (LocalClusterProcess cluster = LocalClusterProcess.start(dir, base, 3, 3)) {
      JsonNode status =
          awaitStatus(
              s ->
                  s.path("config").path("leader").isTextual()
                      && s.path("tableVersion").asLong() == 1,
              Duration.ofSeconds(60));
      assertThat(status.path("config").path("replicas").toString())
          .isEqualTo("[\"c1\",\"c2\",\"c3\"]");
      InetSocketAddress n1 = address(cluster.process("n1"));
      writeKeys(n1);

      int n4Port = base + 3;
      cluster.spawn(
          List.of(
              "node",
              "--id",
              "n4",
              "--listen",
              "127.0.0.1:" + n4Port,
              "--http",
              "127.0.0.1:" + (base + LocalPorts.HTTP_OFFSET + 3),
              "--data",
              dir.resolve("n4").toString(),
              "--durability",
              "async",
              "--config",
              configAddresses(cluster),
              // slow enough that the leader dies while buckets still move
              "--transfer-bytes-per-second",
              "60000"),
          dir.resolve("n4.out"));
      JsonNode plan = awaitPlan("n4", Duration.ofSeconds(60));
      assertThat(plan.path("change").asText()).isEqualTo("join n4");
      assertThat(plan.path("moveCount").asInt()).isPositive();
      assertThat(plan.path("replicasPerNode").path("n4").asInt()).isPositive();

      Result commit = cli("commit", "--json");
      assertThat(JSON.readTree(commit.out()).path("version").asLong()).isEqualTo(2);

      JsonNode moving = JSON.readTree(cli("status", "--json").out());
      assertThat(moving.path("transfer").isObject()).as("a transfer runs: %s", moving).isTrue();
      String killed = moving.path("config").path("leader").asText();
      ProcessHandle.of(cluster.process(killed).get("pid").asLong()).orElseThrow().destroyForcibly();
      long killedAt = System.nanoTime();
      JsonNode next =
          awaitStatus(
              s ->
                  s.path("config").path("leader").isTextual()
                      && !s.path("config").path("leader").asText().equals(killed),
              Duration.ofSeconds(15));
      System.out.printf(
          "config leader %s killed at %s/%s moves done; %s leads %.1f s later%n",
          killed,
          moving.path("transfer").path("done"),
          moving.path("transfer").path("moves"),
          next.path("config").path("leader").asText(),
          (System.nanoTime() - killedAt) / 1e9);

      JsonNode done =
          awaitStatus(
              s ->
                  s.path("tableVersion").asLong() == 3
                      && s.path("members").size() == 4
                      && allMembers(s, m -> m.path("tableVersion").asLong() == 3),
              Duration.ofSeconds(120));
      assertThat(done.path("transfer").isNull()).as(done.toString()).isTrue();

      readKeys(new InetSocketAddress("127.0.0.1", n4Port));
      readKeys(n1);
      JsonNode ring = JSON.readTree(cli("ring", "--json").out());
      assertThat(ring.path("version").asLong()).isEqualTo(3);
      assertThat(ring.path("nodes").toString()).contains("{\"id\":\"n4\"}");
      assertThat(ring.path("table").toString()).contains("\"n4\"");
      assertThat(ring.has("target")).isFalse();
    }
  }

  private void writeKeys(InetSocketAddress node) {
    try (NodeClient client = NodeClient.connect(node, Duration.ofSeconds(5))) {
      for (int i = 0; i < KEYS; i++) {
        client.put(key(i), value(i), null);
      }
    }
  }

  private void readKeys(InetSocketAddress node) {
    try (NodeClient client = NodeClient.connect(node, Duration.ofSeconds(5))) {
      for (int i = 0; i < KEYS; i++) {
        GetResult<byte[]> read = client.get(key(i));
        assertThat(read.found()).as("key %d via %s", i, node).isTrue();
        assertThat(read.values()).as("key %d via %s", i, node).containsExactly(value(i));
      }
    }
  }

  private static byte[] key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.UTF_8);
  }

  /** 2 KiB per value, so that the transfer carries enough bytes to be paced. */
  private static byte[] value(int i) {
    return ("value-" + i + "-").repeat(300).substring(0, 2048).getBytes(StandardCharsets.UTF_8);
  }

  /** Plans the join as soon as the node has asked to join (it refuses an unknown node before). */
  private JsonNode awaitPlan(String node, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Result last;
    do {
      last = run(withData("plan", "join", node, "--json"), 60);
      if (last.exitCode() == 0) {
        return JSON.readTree(last.out());
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no plan within " + timeout + ": " + last.err());
  }

  private JsonNode awaitStatus(Predicate<JsonNode> wanted, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    do {
      Result result = run(withData("status", "--json"), 60);
      last = result.out() + result.err();
      if (result.exitCode() == 0) {
        JsonNode status = JSON.readTree(result.out());
        if (wanted.test(status)) {
          return status;
        }
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("status did not get there within " + timeout + "; last: " + last);
  }

  private static boolean allMembers(JsonNode status, Predicate<JsonNode> test) {
    for (JsonNode member : status.path("members")) {
      if (!test.test(member)) {
        return false;
      }
    }
    return true;
  }

  private Result cli(String... args) throws Exception {
    Result result = run(withData(args), 60);
    assertThat(result.exitCode()).as("%s: %s", List.of(args), result.err()).isZero();
    return result;
  }

  private List<String> withData(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", dir.toString()));
    return all;
  }

  private static String configAddresses(LocalClusterProcess cluster) {
    List<String> addresses = new ArrayList<>();
    for (JsonNode process : cluster.processes()) {
      if (process.get("role").asText().equals("config")) {
        addresses.add(process.get("listen").asText());
      }
    }
    return String.join(",", addresses);
  }

  private static InetSocketAddress address(JsonNode process) {
    String[] hostPort = process.get("listen").asText().split(":");
    return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
  }
}
