package dev.ringstore.bench;

/** What a benchmark loop does each step. */
enum Workload {
  /** Updates of random existing keys, each with the context of the key's last write. */
  PUT,
  /** Reads of random existing keys. */
  GET,
  /** Half reads, half updates. */
  MIX;

  boolean readNext(java.util.SplittableRandom random) {
    return this == GET || (this == MIX && random.nextBoolean());
  }
}
