package dev.ringstore.gossip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a list of measurements, for tests and reports. */
record Distribution(List<Long> sorted) {

  static Distribution of(List<? extends Number> values) {
    List<Long> sorted = new ArrayList<>();
    values.forEach(value -> sorted.add(value.longValue()));
    Collections.sort(sorted);
    return new Distribution(List.copyOf(sorted));
  }

  long percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  long median() {
    return percentile(50);
  }

  long max() {
    return sorted.get(sorted.size() - 1);
  }

  long min() {
    return sorted.get(0);
  }

  @Override
  public String toString() {
    return String.format(
        "n=%d min=%d median=%d p90=%d p99=%d max=%d",
        sorted.size(), min(), median(), percentile(90), percentile(99), max());
  }
}
