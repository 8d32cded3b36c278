package dev.ringstore.testhosts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Processes started on test hosts, so closing the network stops them and whatever they started: a
 * namespace with a process still in it outlives {@code ip netns del}.
 */
final class HostProcesses {
  private static final long GRACE_MILLIS = 5_000;

  private final List<Process> processes = new ArrayList<>();

  synchronized void track(Process process) {
    processes.add(process);
  }

  /** Asks every process and its descendants to stop, then kills those still alive after a grace. */
  synchronized void destroyAll() {
    List<ProcessHandle> handles =
        processes.stream()
            .flatMap(p -> Stream.concat(p.toHandle().descendants(), Stream.of(p.toHandle())))
            .filter(ProcessHandle::isAlive)
            .toList();
    processes.clear();
    handles.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    for (ProcessHandle handle : handles) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        // Still running after the grace: killed below.
      }
    }
    handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
