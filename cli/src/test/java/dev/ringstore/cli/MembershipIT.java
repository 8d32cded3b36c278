package dev.ringstore.cli;

import static dev.ringstore.cli.CliProcesses.freeBasePort;
import static dev.ringstore.cli.CliProcesses.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gossip on a real {@code ringstore local} cluster: a node killed with {@code kill -9} is shown
 * down by {@code ringstore status} on the others within 15 s, and up again after it restarts.
 */
@Timeout(300)
class MembershipIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aKilledNodeIsSeenDownWithin15sAndUpAgainAfterItRestarts() throws Exception {
    int base = freeBasePort(3);
    try (LocalClusterProcess cluster = LocalClusterProcess.start(dir, base)) {
      JsonNode n3 = cluster.node(2);
      assertThat(n3.get("id").asText()).isEqualTo("n3");
      String n1 = "127.0.0.1:" + base;
      awaitStatus(n1, "n3", "up", Duration.ofSeconds(30));

      ProcessHandle.of(n3.get("pid").asLong()).orElseThrow().destroyForcibly();
      long killed = System.nanoTime();
      awaitStatus(n1, "n3", "down", Duration.ofSeconds(15));
      awaitStatus("127.0.0.1:" + (base + 1), "n3", "down", Duration.ofSeconds(15));
      assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(16));

      cluster.spawn(restartCommand(cluster.processes(), n3), dir.resolve("n3-again.out"));
      awaitStatus(n1, "n3", "up", Duration.ofSeconds(30));
      JsonNode status = status(n1);
      assertThat(member(status, "n3").get("generation").asLong()).isGreaterThan(1);
      assertThat(status.get("members")).hasSize(3);
    }
  }

  /** n3 started again by hand, exactly as {@code ringstore local} started it. */
  private static List<String> restartCommand(JsonNode processes, JsonNode n3) {
    String peers =
        StreamSupport.stream(processes.spliterator(), false)
            .map(p -> p.get("id").asText() + "=" + p.get("listen").asText())
            .collect(Collectors.joining(","));
    return List.of(
        "node",
        "--id",
        "n3",
        "--listen",
        n3.get("listen").asText(),
        "--http",
        n3.get("http").asText(),
        "--data",
        n3.get("data").asText(),
        "--durability",
        "async",
        "--peers",
        peers);
  }

  private void awaitStatus(String via, String node, String expected, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String seen = "no answer";
    while (System.nanoTime() < deadline) {
      JsonNode status = status(via);
      if (status != null) {
        JsonNode member = member(status, node);
        seen = member == null ? "unknown" : member.get("status").asText();
        if (seen.equals(expected)) {
          return;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(via + " still sees " + node + " as " + seen + " after " + limit);
  }

  private static JsonNode status(String via) throws Exception {
    CliProcesses.Result result = run(List.of("status", "--json", "--via", via), 60);
    return result.exitCode() == 0 ? JSON.readTree(result.out()) : null;
  }

  private static JsonNode member(JsonNode status, String id) {
    for (JsonNode member : status.get("members")) {
      if (member.get("id").asText().equals(id)) {
        return member;
      }
    }
    return null;
  }
}
