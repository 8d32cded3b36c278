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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ringstore} subcommand that {@code ringstore local} runs as a separate OS process: its
 * log written by logback to a file that rolls at a size cap (logback.xml, {@value #LOG_TO}), what
 * it prints besides (its start line, a command-line error, a JVM's last words) appended to an
 * output file beside it, a port that tells when it serves, and a clean stop by SIGTERM.
 */
final class ChildProcess {
  /** The logback.xml variable that sends the log to a rolling file instead of stderr. */
  static final String LOG_TO = "RINGSTORE_LOG_TO";

  /** The logback.xml variable naming that file. */
  static final String LOG_FILE = "RINGSTORE_LOG_FILE";

  private final Process process;
  private final InetSocketAddress listen;
  private final Path log;
  private final Path output;

  private ChildProcess(Process process, InetSocketAddress listen, Path log, Path output) {
    this.process = process;
    this.listen = listen;
    this.log = log;
    this.output = output;
  }

  /**
   * Starts {@code ringstore ARGUMENTS...} like this process, logging to {@code log} (rolled, at
   * most five files) and its other output appended to {@code output}.
   */
  static ChildProcess start(List<String> arguments, InetSocketAddress listen, Path log, Path output)
      throws IOException {
    return start(arguments, listen, log, output, Map.of());
  }

  /** As {@link #start(List, InetSocketAddress, Path, Path)}, with {@code environment} added. */
  static ChildProcess start(
      List<String> arguments,
      InetSocketAddress listen,
      Path log,
      Path output,
      Map<String, String> environment)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(JarLauncher.command());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().put(LOG_TO, "FILE");
    builder.environment().put(LOG_FILE, log.toString());
    builder.environment().putAll(environment);
    return new ChildProcess(builder.start(), listen, log, output);
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

  Path output() {
    return output;
  }

  /**
   * The last {@code lines} lines of the log, then of the output (where a failure to start is told),
   * for a message about why the process stopped.
   */
  List<String> logTail(int lines) {
    List<String> tail = new ArrayList<>(tail(log, lines));
    tail.addAll(tail(output, lines));
    return tail;
  }

  private static List<String> tail(Path file, int lines) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<String> all =
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
