package dev.ringstore.bench.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * When faults start and end within one run, in seconds from the start of the load: a quiet stretch,
 * a fault window, a quiet stretch, another window..., and always a quiet stretch at the end, so
 * every window is healed while the clients still write.
 */
final class NemesisSchedule {
  /** A fault from {@code start} (inclusive) to {@code end} (exclusive), in seconds. */
  record Window(int start, int end) {}

  private NemesisSchedule() {}

  static List<Window> windows(int seconds, int quiet, int fault) {
    if (quiet < 1 || fault < 1) {
      throw new IllegalArgumentException("quiet and fault stretches are at least 1 s");
    }
    if (seconds < 2 * quiet + fault) {
      throw new IllegalArgumentException(
          "a run of "
              + seconds
              + " s cannot hold one fault of "
              + fault
              + " s between quiet stretches of "
              + quiet
              + " s");
    }
    List<Window> windows = new ArrayList<>();
    for (int start = quiet; start + fault + quiet <= seconds; start += fault + quiet) {
      windows.add(new Window(start, start + fault));
    }
    return windows;
  }
}
