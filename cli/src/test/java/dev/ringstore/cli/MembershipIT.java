package dev.ringstore.cli;

import static dev.ringstore.cli.CliProcesses.freeBasePort;
import static dev.ringstore.cli.CliProcesses.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gossip on a real {@code ringstore local} cluster: a node killed with {@code kill -9} is judged
 * down by each of the others within 15 s, {@code ringstore status} says so, and it is up again
 * after it restarts.
 *
 * <p>The 15 s are timed on the nodes' own reports ({@code /api/v1/node}, polled every 100 ms), not
 * through {@code ringstore status}: each status is a new JVM, and on a busy two-core machine its
 * start-up alone took 3 s, which would be counted against the failure detector.
 */
@Timeout(300)
class MembershipIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DETECTION = Duration.ofSeconds(15);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  @Test
  void aKilledNodeIsSeenDownWithin15sAndUpAgainAfterItRestarts() throws Exception {
    int base = freeBasePort(3);
    try (LocalClusterProcess cluster = LocalClusterProcess.start(dir, base)) {
      JsonNode n3 = cluster.node(2);
      assertThat(n3.get("id").asText()).isEqualTo("n3");
      String n1 = "127.0.0.1:" + base;
      List<String> observers = List.of(http(cluster.node(0)), http(cluster.node(1)));
      for (String observer : observers) {
        awaitReport(observer, "n3", "up", Duration.ofSeconds(30));
      }

      ProcessHandle.of(n3.get("pid").asLong()).orElseThrow().destroyForcibly();
      long killed = System.nanoTime();
      for (String observer : observers) {
        awaitReport(observer, "n3", "down", DETECTION.minusNanos(System.nanoTime() - killed));
      }
      System.out.printf(
          "MembershipIT: n1 and n2 judged n3 down within %.1f s of kill -9%n",
          (System.nanoTime() - killed) / 1e9);
      assertThat(member(status(n1), "n3").get("status").asText()).isEqualTo("down");

      cluster.spawn(restartCommand(cluster.processes(), n3), dir.resolve("n3-again.out"));
      awaitReport(observers.get(0), "n3", "up", Duration.ofSeconds(30));
      JsonNode status = status(n1);
      assertThat(member(status, "n3").get("status").asText()).isEqualTo("up");
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

  private static String http(JsonNode node) {
    return node.get("http").asText();
  }

  /** Waits until the node serving HTTP on {@code observer} reports {@code node} as expected. */
  private void awaitReport(String observer, String node, String expected, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String seen = "no answer";
    do {
      JsonNode report = report(observer);
      if (report != null) {
        JsonNode member = member(report, node);
        if (member != null && member.get("status").asText().equals(expected)) {
          return;
        }
        seen =
            member == null
                ? "unknown"
                : member.get("status").asText() + " (phi " + member.get("phi").asDouble() + ")";
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        observer + " still reports " + node + " as " + seen + " after " + limit);
  }

  private JsonNode report(String observer) throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + observer + "/api/v1/node"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null; // not serving yet, or restarting
    }
  }

  private static JsonNode status(String via) throws Exception {
    CliProcesses.Result result = run(List.of("status", "--json", "--via", via), 60);
    assertThat(result.exitCode()).as(result.out()).isZero();
    return JSON.readTree(result.out());
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
