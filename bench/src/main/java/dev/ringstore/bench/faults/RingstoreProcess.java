package dev.ringstore.bench.faults;

import dev.ringstore.testhosts.TestNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Ringstore process (a node or a config replica) on its test host, which a nemesis may kill
 * with SIGKILL and start again with the same arguments (so on the same data directory), or pause
 * with SIGSTOP and resume with SIGCONT. {@code ip netns exec} execs the JVM in its own place, so
 * the process started is the JVM and signals reach it directly.
 */
final class RingstoreProcess {
  private final String id;
  private final String host;
  private final List<String> argv;
  private final Path log;
  private final TestNetwork net;
  private Process process;
  private boolean paused;

  RingstoreProcess(String id, String host, List<String> argv, Path log, TestNetwork net) {
    this.id = id;
    this.host = host;
    this.argv = List.copyOf(argv);
    this.log = log;
    this.net = net;
  }

  String id() {
    return id;
  }

  String host() {
    return host;
  }

  Path log() {
    return log;
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** Starts the process (again); its output is appended to its log. */
  synchronized void start() {
    try {
      process = net.start(host, argv, log);
      paused = false;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + id, e);
    }
  }

  /** SIGKILL, and waits until it is gone: no shutdown hook, no flush, as in a crash. */
  synchronized void kill() throws InterruptedException {
    if (alive()) {
      resume();
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Starts it again if it is not running. */
  synchronized void restart() {
    if (!alive()) {
      start();
    }
  }

  /** SIGSTOP: the process stays, its sockets stay open, nothing answers. */
  synchronized void pause() {
    if (alive() && !paused) {
      signal("STOP");
      paused = true;
    }
  }

  /** SIGCONT, if paused. */
  synchronized void resume() {
    if (alive() && paused) {
      signal("CONT");
      paused = false;
    }
  }

  /** SIGTERM and up to 20 s to exit, then SIGKILL. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void signal(String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + id + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run kill -" + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted sending SIG" + name + " to " + id, e);
    }
  }
}
