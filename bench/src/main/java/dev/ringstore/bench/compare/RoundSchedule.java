package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.SystemRuns.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of an interleaved comparison ({@code --rounds}): both systems stay up, and in each
 * round every workload runs on one system and then at once on the other, Ringstore first in odd
 * rounds and etcd first in even ones. A machine whose speed drifts by a third within a quarter of
 * an hour (a shared VM does) then slows both alike, and each round's ratio compares two adjacent
 * windows instead of two runs many minutes apart.
 *
 * @param rounds how many times every workload runs on each system
 * @param workloads the YCSB workloads, in the order each round runs them
 */
record RoundSchedule(int rounds, List<String> workloads) {
  /** Which of the two running systems a slot measures. */
  enum Side {
    RINGSTORE,
    ETCD
  }

  /** One measured window: the round it belongs to, the workload, and the system and variant. */
  record Slot(int round, String workload, Side side, Variant variant) {}

  RoundSchedule {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
    }
    workloads = List.copyOf(workloads);
  }

  /**
   * Every window in the order it runs. For a workload with several etcd variants (serializable and
   * linearizable reads for C) etcd's windows stay together, in the variants' order.
   */
  List<Slot> slots(Variant ringstore, List<Variant> etcd) {
    List<Slot> slots = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (String workload : workloads) {
        List<Slot> ringstoreSide = List.of(new Slot(round, workload, Side.RINGSTORE, ringstore));
        List<Slot> etcdSide = new ArrayList<>();
        for (Variant variant : etcd) {
          if (variant.runs(workload)) {
            etcdSide.add(new Slot(round, workload, Side.ETCD, variant));
          }
        }
        boolean ringstoreFirst = round % 2 == 1;
        slots.addAll(ringstoreFirst ? ringstoreSide : etcdSide);
        slots.addAll(ringstoreFirst ? etcdSide : ringstoreSide);
      }
    }
    return slots;
  }
}
