package dev.ringstore.cli;

import static dev.ringstore.cli.CliProcesses.freeBasePort;
import static dev.ringstore.cli.CliProcesses.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.cli.CliProcesses.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringstore local} from the runnable jar: three node processes that client commands find
 * without {@code --via}, a report when one dies, a clean stop of all on SIGTERM, and a restart on
 * the same directory that still has the data.
 */
@Timeout(300)
class LocalClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final List<Process> locals = new ArrayList<>();
  private final Set<Long> nodePids = ConcurrentHashMap.newKeySet();

  @AfterEach
  void killLeftovers() {
    locals.forEach(Process::destroyForcibly);
    nodePids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void aLocalClusterServesWithoutViaStopsOnSigtermAndRestartsWithItsData() throws Exception {
    int base = freeBasePort(3);
    Path output = Files.createTempFile("ringstore-local", ".out");
    Process local = startLocal(base, output);
    List<Long> pids = assertClusterFile(awaitClusterFile(local, output), base);

    assertThat(client("put", "greeting", "hello").exitCode()).isZero();
    JsonNode read = JSON.readTree(client("get", "greeting", "--json").out());
    assertThat(read.get("values").toString()).isEqualTo("[\"hello\"]");
    assertEveryReplicaHolds("hello");

    Result second = run(List.of("local", "--nodes", "3", "--data", dir.toString()), 60);
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).contains("is still running");

    ProcessHandle n3 = ProcessHandle.of(pids.get(2)).orElseThrow();
    n3.destroyForcibly();
    n3.onExit().get(60, TimeUnit.SECONDS);
    awaitOutput(output, "node n3 (pid " + pids.get(2) + ") exited on its own");
    assertThat(client("get", "greeting").out()).contains("hello");

    local.destroy(); // SIGTERM
    assertThat(local.waitFor(90, TimeUnit.SECONDS)).as("local exits after SIGTERM").isTrue();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("node pid %d after the local command stopped", pid)
          .isFalse();
    }
    assertThat(dir.resolve("local-cluster.json")).doesNotExist();

    Process again = startLocal(base, output);
    List<Long> restarted = assertClusterFile(awaitClusterFile(again, output), base);
    assertThat(restarted).doesNotContainAnyElementsOf(pids);
    assertThat(client("get", "greeting").out()).contains("hello");
    assertEveryReplicaHolds("hello");
    again.destroy();
    assertThat(again.waitFor(90, TimeUnit.SECONDS)).isTrue();
  }

  /** Checks local-cluster.json's documented shape; returns the node pids, n1 first. */
  private List<Long> assertClusterFile(JsonNode file, int base) {
    JsonNode processes = file.get("processes");
    assertThat(processes).hasSize(3);
    List<Long> pids = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      JsonNode process = processes.get(k - 1);
      List<String> fields = new ArrayList<>();
      process.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("role", "id", "pid", "listen", "http", "data");
      assertThat(process.get("role").asText()).isEqualTo("node");
      assertThat(process.get("id").asText()).isEqualTo("n" + k);
      assertThat(process.get("listen").asText()).isEqualTo("127.0.0.1:" + (base + k - 1));
      assertThat(process.get("http").asText()).isEqualTo("127.0.0.1:" + (base + 1000 + k - 1));
      assertThat(process.get("data").asText())
          .isEqualTo(dir.toAbsolutePath().resolve("n" + k).toString());
      long pid = process.get("pid").asLong();
      nodePids.add(pid);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .as("n%d alive", k)
          .hasValue(true);
      pids.add(pid);
    }
    return pids;
  }

  /** Replication is asynchronous beyond W: wait until inspect shows every replica with it. */
  private void assertEveryReplicaHolds(String value) throws Exception {
    JsonNode inspect = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      Result result = client("inspect", "greeting", "--json");
      assertThat(result.exitCode()).as(result.err()).isZero();
      inspect = JSON.readTree(result.out());
      boolean all = true;
      for (JsonNode replica : inspect.get("replicas")) {
        all &= replica.path("values").toString().equals("[\"" + value + "\"]");
      }
      if (all) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(inspect.get("preference")).hasSize(3);
    assertThat(inspect.get("replicas")).hasSize(3);
    for (JsonNode replica : inspect.get("replicas")) {
      assertThat(replica.get("found").asBoolean()).as(replica.toString()).isTrue();
      assertThat(replica.get("values").toString()).isEqualTo("[\"" + value + "\"]");
    }
  }

  private Process startLocal(int base, Path output) throws IOException {
    List<String> command = new ArrayList<>(CliProcesses.java());
    command.addAll(List.of("local", "--nodes", "3", "--config-replicas", "0"));
    command.addAll(List.of("--data", dir.toString()));
    command.addAll(List.of("--base-port", Integer.toString(base)));
    Process local =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    locals.add(local);
    return local;
  }

  private JsonNode awaitClusterFile(Process local, Path output) throws Exception {
    Path file = dir.resolve("local-cluster.json");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        return JSON.readTree(file.toFile());
      }
      if (!local.isAlive()) {
        throw new AssertionError(
            "ringstore local exited with " + local.exitValue() + ":\n" + Files.readString(output));
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no local-cluster.json within 2 minutes:\n" + Files.readString(output));
  }

  private static void awaitOutput(Path output, String text) throws Exception {
    for (int i = 0; i < 100 && !Files.readString(output).contains(text); i++) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(output)).contains(text);
  }

  private Result client(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", dir.toString()));
    Result result = run(all, 60);
    assertThat(result.exitCode()).as("%s: %s", all, result.err()).isZero();
    return result;
  }
}
