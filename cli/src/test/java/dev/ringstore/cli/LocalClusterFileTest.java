package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** local-cluster.json: its documented shape, and telling running processes from gone ones. */
@Timeout(60)
class LocalClusterFileTest {
  @TempDir Path dir;

  private final LocalProcess n1 =
      new LocalProcess("node", "n1", 1234, "127.0.0.1:7201", "127.0.0.1:8201", "/abs/n1");

  @Test
  void theFileHasTheDocumentedShape() throws Exception {
    new LocalClusterFile(List.of(n1, n1)).write(dir);

    assertThat(Files.readString(dir.resolve("local-cluster.json")))
        .isEqualTo(
            "{\"processes\": [{\"role\": \"node\", \"id\": \"n1\", \"pid\": 1234, \"listen\":"
                + " \"127.0.0.1:7201\", \"http\": \"127.0.0.1:8201\", \"data\": \"/abs/n1\"}, {"
                + "\"role\": \"node\", \"id\": \"n1\", \"pid\": 1234, \"listen\":"
                + " \"127.0.0.1:7201\", \"http\": \"127.0.0.1:8201\", \"data\": \"/abs/n1\"}]}\n");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("local-cluster.json").toFile());
    assertThat(fieldNames(json)).containsExactly("processes");
    JsonNode process = json.get("processes").get(0);
    assertThat(fieldNames(process)).containsExactly("role", "id", "pid", "listen", "http", "data");
    assertThat(process.get("role").asText()).isEqualTo("node");
    assertThat(process.get("pid").isIntegralNumber()).isTrue();
    assertThat(process.get("pid").asLong()).isEqualTo(1234);
    assertThat(process.get("http").asText()).isEqualTo("127.0.0.1:8201");
  }

  @Test
  void readsBackWhatItWroteAndToleratesFieldsItDoesNotKnow() throws Exception {
    new LocalClusterFile(List.of(n1)).write(dir);
    assertThat(LocalClusterFile.read(dir).orElseThrow().processes()).containsExactly(n1);

    Files.writeString(
        dir.resolve("local-cluster.json"),
        "{\"processes\": [{\"role\": \"config\", \"id\": \"c1\", \"pid\": 1, \"zone\": \"z1\"}],"
            + " \"version\": 2}");
    LocalClusterFile read = LocalClusterFile.read(dir).orElseThrow();
    assertThat(read.processes()).hasSize(1);
    assertThat(read.nodes()).isEmpty();
  }

  /** What the file's reader did before it walked tokens itself: data binding into the record. */
  private static final ObjectMapper BINDING =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"processes\": []}",
        "{}",
        "{\"processes\": null}",
        "{\"version\": {\"major\": [1, {\"x\": 2}]}, \"processes\": [{\"role\": \"node\","
            + " \"id\": \"n1\", \"pid\": 12, \"listen\": \"127.0.0.1:1\", \"http\":"
            + " \"127.0.0.1:2\", \"data\": \"/d/n1\", \"tags\": [\"a\", {\"b\": []}]}]}",
        "{\"processes\": [{\"pid\": \"42\", \"id\": null, \"role\": \"config\", \"raft\": \"h:3\"},"
            + " {}]} trailing",
        "{\"processes\": [{\"role\": \"node\", \"pid\": 9007199254740993, \"zone\": 7}]}"
      })
  void readsWhatDataBindingReads(String json) throws Exception {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    assertThat(LocalClusterFile.parse(bytes))
        .isEqualTo(BINDING.readValue(bytes, LocalClusterFile.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"processes\": {}}",
        "{\"processes\": [1]}",
        "{\"processes\": [{\"pid\": \"twelve\"}]}",
        "{\"processes\": [{\"id\": {\"n\": 1}}]}",
        "{\"processes\": [{\"role\": \"node\""
      })
  void aMalformedFileIsAnErrorNamingIt(String json) throws Exception {
    Files.writeString(dir.resolve("local-cluster.json"), json);

    assertThatThrownBy(() -> LocalClusterFile.read(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot read " + dir.resolve("local-cluster.json") + ": ");
  }

  @Test
  void noFileIsNoCluster() {
    assertThat(LocalClusterFile.read(dir)).isEmpty();
  }

  @Test
  void aProcessRunsWhileItsPidIsAliveAndNamesItsDataDirectory() throws Exception {
    Path data = dir.resolve("n1");
    try (StandInProcess running = StandInProcess.running(data)) {
      assertThat(node(running.pid(), data).isRunning()).isTrue();
      assertThat(node(running.pid(), dir.resolve("elsewhere")).isRunning())
          .as("a reused pid running something else")
          .isFalse();
    }
    assertThat(node(StandInProcess.exitedPid(), data).isRunning()).isFalse();
  }

  private static LocalProcess node(long pid, Path data) {
    return new LocalProcess("node", "n1", pid, "127.0.0.1:1", "127.0.0.1:2", data.toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aConfigReplicaHasItsRaftAddressInsteadOfHttpAndIsNoNode() throws Exception {
    LocalProcess c1 =
        LocalProcess.configReplica("c1", 1240, "127.0.0.1:7801", "127.0.0.1:7701", "/abs/c1");
    new LocalClusterFile(List.of(n1, c1)).write(dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("local-cluster.json").toFile());
    assertThat(fieldNames(json.get("processes").get(0)))
        .containsExactly("role", "id", "pid", "listen", "http", "data");
    assertThat(fieldNames(json.get("processes").get(1)))
        .containsExactly("role", "id", "pid", "listen", "raft", "data");
    assertThat(json.get("processes").get(1).get("role").asText()).isEqualTo("config");
    LocalClusterFile read = LocalClusterFile.read(dir).orElseThrow();
    assertThat(read.processes()).containsExactly(n1, c1);
    assertThat(read.nodes()).containsExactly(n1);
    assertThat(read.configReplicas()).containsExactly(c1);
  }
}
