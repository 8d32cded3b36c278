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
 * A {@code ringstore} subcommand that {@code ringstore local} runs as a separate OS process: its
 * output appended to a log file, a port that tells when it serves, and a clean stop by SIGTERM.
 */
final class ChildProcess {
  private final Process process;
  private final InetSocketAddress listen;
  private final Path log;

  private ChildProcess(Process process, InetSocketAddress listen, Path log) {
    this.process = process;
    this.listen = listen;
    this.log = log;
  }

  /** Starts {@code ringstore ARGUMENTS...} like this process, output appended to {@code log}. */
  static ChildProcess start(List<String> arguments, InetSocketAddress listen, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(JarLauncher.command());
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ChildProcess(process, listen, log);
  }

  /**
   * Waits until the process accepts connections on its port. Returns false if it exits first or
   * {@code timeout} passes.
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

  /** SIGTERM, so the process shuts down cleanly; {@link #awaitExit} waits for it. */
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

  Path log() {
    return log;
  }

  /** The last {@code lines} lines of the log, for a message about why the process stopped. */
  List<String> logTail(int lines) {
    try {
      List<String> all =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
