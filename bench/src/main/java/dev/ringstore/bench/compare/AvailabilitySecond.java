package dev.ringstore.bench.compare;

/**
 * Operations that completed during one second of the partition run, by outcome.
 *
 * @param second seconds since the run started (0 is the first second)
 */
public record AvailabilitySecond(
    int second, long readsOk, long readsFailed, long writesOk, long writesFailed) {

  /** Reads that succeeded, in percent of reads that completed; NaN when none completed. */
  public double readSuccessPercent() {
    return percent(readsOk, readsFailed);
  }

  /** Writes that succeeded, in percent of writes that completed; NaN when none completed. */
  public double writeSuccessPercent() {
    return percent(writesOk, writesFailed);
  }

  private static double percent(long ok, long failed) {
    return ok + failed == 0 ? Double.NaN : 100.0 * ok / (ok + failed);
  }
}
