package dev.ringstore.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@code ringstore node} started from the runnable jar as a real OS process, for *IT tests. */
final class NodeProcess implements AutoCloseable {
  static final Path JAR =
      Path.of(System.getProperty("ringstore.jar", "target/ringstore.jar")).toAbsolutePath();

  private final Process process;
  private final InetSocketAddress address;
  private final Path log;

  private NodeProcess(Process process, InetSocketAddress address, Path log) {
    this.process = process;
    this.address = address;
    this.log = log;
  }

  static NodeProcess start(String id, Path data, int port, String durability) throws Exception {
    return start(id, data, port, durability, List.of());
  }

  /** Starts a node with {@code extra} arguments after the usual ones (--peers, --http, ...). */
  static NodeProcess start(String id, Path data, int port, String durability, List<String> extra)
      throws Exception {
    Path log = Files.createTempFile("ringstore-" + id, ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", JAR.toString(), "node", "--id", id));
    command.addAll(List.of("--listen", "127.0.0.1:" + port, "--data", data.toString()));
    command.addAll(List.of("--durability", durability));
    command.addAll(extra);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    NodeProcess node = new NodeProcess(process, new InetSocketAddress("127.0.0.1", port), log);
    node.awaitListening(Duration.ofSeconds(60));
    return node;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  InetSocketAddress address() {
    return address;
  }

  Process process() {
    return process;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitListening(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited with " + process.exitValue() + ":\n" + log());
      }
      try (Socket ignored = new Socket(address.getHostString(), address.getPort())) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("node did not listen within " + timeout + ":\n" + log());
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, then wait for the clean shutdown; returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill();
    }
  }
}
