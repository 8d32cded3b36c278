package dev.ringstore.cli;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real OS process standing in for a node in local-cluster.json: a shell that sleeps, with the
 * node's data directory on its command line (which is how a running node is recognised).
 */
final class StandInProcess implements AutoCloseable {
  private final Process process;

  private StandInProcess(Process process) {
    this.process = process;
  }

  static StandInProcess running(Path data) throws Exception {
    return new StandInProcess(new ProcessBuilder("sh", "-c", "sleep 120", data.toString()).start());
  }

  /** The pid of a process that has already exited. */
  static long exitedPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(30, TimeUnit.SECONDS);
    return process.pid();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
