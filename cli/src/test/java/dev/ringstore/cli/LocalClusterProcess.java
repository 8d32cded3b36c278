package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ringstore local} cluster started from the real jar for an *IT, plus anything else the
 * test starts from the jar; {@link #close} kills them all, nodes and config replicas included.
 * Public for the ITs of other packages (the console's browser ITs).
 */
public final class LocalClusterProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final List<Process> started = new ArrayList<>();
  private final List<Long> nodePids = new ArrayList<>();
  private JsonNode file;

  private LocalClusterProcess(Path dir) {
    this.dir = dir;
  }

  /**
   * Runs {@code ringstore local --nodes 3} with a static member list (no config service) on {@code
   * dir} and waits for local-cluster.json.
   */
  static LocalClusterProcess start(Path dir, int basePort) throws Exception {
    return start(dir, basePort, 3, 0);
  }

  /** Runs {@code ringstore local} with K nodes and R config replicas, and waits for its file. */
  public static LocalClusterProcess start(Path dir, int basePort, int nodes, int configReplicas)
      throws Exception {
    return start(dir, basePort, nodes, configReplicas, false);
  }

  /** The same, with {@code --tls} when {@code tls}: certificates in {@code dir/certs}. */
  public static LocalClusterProcess start(
      Path dir, int basePort, int nodes, int configReplicas, boolean tls) throws Exception {
    LocalClusterProcess cluster = new LocalClusterProcess(dir);
    List<String> args =
        new ArrayList<>(
            List.of(
                "local",
                "--nodes",
                Integer.toString(nodes),
                "--config-replicas",
                Integer.toString(configReplicas),
                "--data",
                dir.toString(),
                "--base-port",
                Integer.toString(basePort)));
    if (tls) {
      args.add("--tls");
    }
    Process local = cluster.spawn(args, dir.resolve("local.out"));
    cluster.awaitClusterFile(local);
    return cluster;
  }

  /** local-cluster.json's entry for the {@code index}-th node (0 for n1). */
  JsonNode node(int index) {
    return file.get("processes").get(index);
  }

  public JsonNode processes() {
    return file.get("processes");
  }

  /** Starts {@code ringstore ARGS...} in the background, output appended to {@code output}. */
  public Process spawn(List<String> args, Path output) throws Exception {
    List<String> command = new ArrayList<>(CliProcesses.java());
    command.addAll(args);
    return exec(new ProcessBuilder(command), output);
  }

  /**
   * Starts {@code builder}'s command (a whole command line, for example the one a node of this
   * cluster ran, to restart it as {@code ringstore local} started it) in the background, output
   * appended to {@code output}; {@link #close} kills it.
   */
  public Process exec(ProcessBuilder builder, Path output) throws Exception {
    Process process =
        builder
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    started.add(process);
    return process;
  }

  /** What {@code ringstore local} has printed so far. */
  public String output() throws IOException {
    return Files.readString(dir.resolve("local.out"));
  }

  /** local-cluster.json's entry for process {@code id} (n1, c2, ...). */
  public JsonNode process(String id) {
    for (JsonNode process : file.get("processes")) {
      if (process.get("id").asText().equals(id)) {
        return process;
      }
    }
    throw new AssertionError("no process " + id + " in " + file);
  }

  private void awaitClusterFile(Process local) throws Exception {
    Path path = dir.resolve("local-cluster.json");
    for (int i = 0; i < 1200 && !Files.exists(path); i++) {
      if (!local.isAlive()) {
        throw new AssertionError(
            "ringstore local exited with "
                + local.exitValue()
                + ":\n"
                + Files.readString(dir.resolve("local.out")));
      }
      Thread.sleep(100);
    }
    file = JSON.readTree(path.toFile());
    file.get("processes").forEach(p -> nodePids.add(p.get("pid").asLong()));
  }

  @Override
  public void close() {
    started.forEach(Process::destroyForcibly);
    nodePids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }
}
