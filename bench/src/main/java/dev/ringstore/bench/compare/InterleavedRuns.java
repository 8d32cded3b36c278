package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.RoundSchedule.Side;
import dev.ringstore.bench.compare.RoundSchedule.Slot;
import dev.ringstore.bench.compare.SystemRuns.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * An interleaved comparison's measuring ({@code --rounds}): with both systems running, each is
 * loaded and settled, then every window of the {@link RoundSchedule} runs in its order, at the
 * plan's most client threads. The system not being measured sits idle meanwhile (a few percent of a
 * core for either), so each is measured beside the other's idle cost.
 */
final class InterleavedRuns {
  /** One measured window and the round it belongs to. */
  record RoundRun(int round, RunResult result) {}

  private final RoundSchedule schedule;
  private final int threads;

  InterleavedRuns(RoundSchedule schedule, int threads) {
    this.schedule = schedule;
    this.threads = threads;
  }

  List<RoundRun> run(
      SystemRuns ringstore, Variant ringstoreVariant, SystemRuns etcd, List<Variant> etcdVariants)
      throws Exception {
    YcsbRunner ringstoreRunner = ringstore.prepare(ringstoreVariant);
    YcsbRunner etcdRunner = etcd.prepare(etcdVariants.get(0));
    List<RoundRun> runs = new ArrayList<>();
    for (Slot slot : schedule.slots(ringstoreVariant, etcdVariants)) {
      boolean isRingstore = slot.side() == Side.RINGSTORE;
      SystemRuns system = isRingstore ? ringstore : etcd;
      YcsbRunner runner = isRingstore ? ringstoreRunner : etcdRunner;
      runs.add(
          new RoundRun(
              slot.round(), system.measure(runner, slot.variant(), slot.workload(), threads)));
    }
    return runs;
  }

  /** How many windows the schedule holds, for the progress bar. */
  int windows(Variant ringstoreVariant, List<Variant> etcdVariants) {
    return schedule.slots(ringstoreVariant, etcdVariants).size();
  }
}
