package dev.ringstore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code ringstore node} process that {@code ringstore local} started: its addresses, its data
 * directory, and its output appended to {@code node.log} in that directory.
 */
final class LocalNode {
  static final String LOG = "node.log";

  private final String id;
  private final InetSocketAddress listen;
  private final InetSocketAddress http;
  private final Path data;
  private final Process process;

  private LocalNode(
      String id, InetSocketAddress listen, InetSocketAddress http, Path data, Process process) {
    this.id = id;
    this.listen = listen;
    this.http = http;
    this.data = data;
    this.process = process;
  }

  /** Starts node {@code id}; {@code arguments} follow {@code node} on its command line. */
  static LocalNode start(
      String id,
      InetSocketAddress listen,
      InetSocketAddress http,
      Path data,
      List<String> arguments)
      throws IOException {
    Files.createDirectories(data);
    List<String> command = new ArrayList<>(JarLauncher.command());
    command.addAll(List.of("node", "--id", id, "--listen", hostPort(listen)));
    command.addAll(List.of("--http", hostPort(http), "--data", data.toString()));
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve(LOG).toFile()))
            .start();
    return new LocalNode(id, listen, http, data, process);
  }

  /**
   * Waits until the node accepts connections. Returns false if its process exits first or {@code
   * timeout} passes.
   */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try (Socket probe = new Socket(listen.getAddress(), listen.getPort())) {
        return true;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    return false;
  }

  /** SIGTERM, so the node shuts down cleanly; {@link #awaitExit} waits for it. */
  void terminate() {
    process.destroy();
  }

  /** Waits up to {@code grace} for the process to end, then kills it. */
  void awaitExit(Duration grace) throws InterruptedException {
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  Process process() {
    return process;
  }

  String id() {
    return id;
  }

  Path log() {
    return data.resolve(LOG);
  }

  /** The last {@code lines} lines of the node's log, for a message about why it stopped. */
  List<String> logTail(int lines) {
    try {
      List<String> all =
          new String(Files.readAllBytes(log()), StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LocalProcess describe() {
    return new LocalProcess(
        LocalProcess.NODE, id, process.pid(), hostPort(listen), hostPort(http), data.toString());
  }

  static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
