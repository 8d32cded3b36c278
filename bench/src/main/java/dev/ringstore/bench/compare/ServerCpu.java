package dev.ringstore.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of server processes from {@code /proc/PID/stat}: utime + stime (fields 14 and 15, in
 * clock ticks, every thread of the process included), summed over the processes. The comparison
 * reads it at the start and end of each measured window; CPU per operation is the figure that
 * survives a noisy shared machine, where throughput does not.
 */
final class ServerCpu {
  /** Linux's USER_HZ: 100 on every mainstream architecture (getconf CLK_TCK). */
  private static final double MILLIS_PER_TICK = 10.0;

  private ServerCpu() {}

  /** Total CPU milliseconds used so far by {@code pids}; a process that has exited counts 0. */
  static double millis(List<Long> pids) {
    long ticks = 0;
    for (long pid : pids) {
      ticks += ticks(pid);
    }
    return ticks * MILLIS_PER_TICK;
  }

  static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count from its end.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
    }
  }
}
