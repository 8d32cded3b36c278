package dev.ringstore.bench.compare;

import java.util.List;

/**
 * What the clients on one side of a network partition saw, second by second.
 *
 * @param label the run's label, starting with the system name as {@link RunResult#label()} does
 *     ("etcd linearizable", "ringstore fsync")
 * @param side which side of the partition the clients were on ("majority", "minority")
 * @param seconds one entry per second of the run, in order
 */
public record AvailabilitySeries(String label, String side, List<AvailabilitySecond> seconds) {

  /** The system this series measured: the label's first word. */
  public String system() {
    int space = label.indexOf(' ');
    return space < 0 ? label : label.substring(0, space);
  }
}
