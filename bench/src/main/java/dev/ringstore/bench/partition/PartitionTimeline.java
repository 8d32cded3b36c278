package dev.ringstore.bench.partition;

/**
 * When things happen in one partition run, in seconds from the start of the load: the split at
 * {@code splitAt}, the heal at {@code healAt}, the load's end at {@code seconds}. {@code --quick}
 * halves the default 10 s before, 30 s split and 30 s after.
 */
record PartitionTimeline(int splitAt, int healAt, int seconds) {
  static PartitionTimeline of(boolean quick) {
    return quick ? new PartitionTimeline(5, 20, 40) : new PartitionTimeline(10, 40, 70);
  }
}
