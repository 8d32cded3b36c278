package dev.ringstore.bench.compare;

/**
 * When the partition run cut the network and when it healed it, in seconds since the run started.
 */
public record PartitionWindow(int startSecond, int endSecond) {}
