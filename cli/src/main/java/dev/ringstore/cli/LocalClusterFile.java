package dev.ringstore.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data>/local-cluster.json}: every process {@code ringstore local} started, so that client
 * commands without {@code --via} find the cluster and a second {@code ringstore local} on the same
 * directory can tell that one is still running. Written once every node accepts connections,
 * deleted when the local cluster stops cleanly. Nodes come first, then the config replicas.
 *
 * <pre>{@code
 * {"processes": [{"role": "node", "id": "n1", "pid": 1234, "listen": "127.0.0.1:7201",
 *                 "http": "127.0.0.1:8201", "data": "/abs/data/local/n1"}, ...,
 *                {"role": "config", "id": "c1", "pid": 1240, "listen": "127.0.0.1:7801",
 *                 "raft": "127.0.0.1:7701", "data": "/abs/data/local/c1"}, ...]}
 * }</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LocalClusterFile(List<LocalProcess> processes) {
  static final String NAME = "local-cluster.json";
  static final String DEFAULT_DIR = "./data/local";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** {@code {"a": 1, "b": [2, 3]}}: the form docs/local.md shows, on one line. */
  private static final DefaultPrettyPrinter ONE_LINE =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEntrySpacing(Separators.Spacing.AFTER)
                  .withArrayValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
          .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);

  LocalClusterFile {
    processes = List.copyOf(processes == null ? List.of() : processes);
  }

  /** The file in {@code dataDir}, if there is one; a malformed file is an error naming it. */
  static Optional<LocalClusterFile> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), LocalClusterFile.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file into {@code dataDir} atomically: readers see the old file or the new one. */
  void write(Path dataDir) throws IOException {
    Path temporary = dataDir.resolve(NAME + ".tmp");
    Files.write(temporary, toJson().getBytes(StandardCharsets.UTF_8));
    try {
      Files.move(
          temporary,
          dataDir.resolve(NAME),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, dataDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void delete(Path dataDir) throws IOException {
    Files.deleteIfExists(dataDir.resolve(NAME));
  }

  String toJson() throws IOException {
    return JSON.writer(ONE_LINE).writeValueAsString(this) + "\n";
  }

  /** The node processes, in the order written (n1 first). */
  List<LocalProcess> nodes() {
    return processes.stream().filter(p -> LocalProcess.NODE.equals(p.role())).toList();
  }

  /** The config-service replicas, in the order written (c1 first); none in a static cluster. */
  List<LocalProcess> configReplicas() {
    return processes.stream().filter(p -> LocalProcess.CONFIG.equals(p.role())).toList();
  }

  /** The processes that still run. */
  List<LocalProcess> running() {
    return processes.stream().filter(LocalProcess::isRunning).toList();
  }
}
