package dev.ringstore.bench.partition;

import dev.ringstore.bench.compare.AvailabilitySecond;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Operations that succeeded and failed in each second of an availability run, by the second in
 * which they were issued (so a request that hangs through a partition and fails later is counted
 * where the user felt it start).
 */
final class SecondCounts {
  private final AtomicLongArray counts;
  private final int seconds;

  SecondCounts(int seconds) {
    this.seconds = seconds;
    this.counts = new AtomicLongArray(seconds * 4);
  }

  void read(int second, boolean ok) {
    add(second, ok ? 0 : 1);
  }

  void write(int second, boolean ok) {
    add(second, ok ? 2 : 3);
  }

  private void add(int second, int slot) {
    if (second >= 0 && second < seconds) {
      counts.incrementAndGet(second * 4 + slot);
    }
  }

  List<AvailabilitySecond> seconds() {
    List<AvailabilitySecond> all = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      all.add(
          new AvailabilitySecond(
              s,
              counts.get(s * 4),
              counts.get(s * 4 + 1),
              counts.get(s * 4 + 2),
              counts.get(s * 4 + 3)));
    }
    return all;
  }
}
