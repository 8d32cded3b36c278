package dev.ringstore.config;

/**
 * When a replica writes its state to a snapshot file, after which the log before it may be deleted.
 * Snapshots bound both the log's size on disk and the time a restarting replica spends re-applying
 * it.
 *
 * @param entriesBetweenSnapshots how many log entries a replica applies after its last snapshot
 *     before it takes the next one
 * @param retainedSnapshots how many snapshot files a replica keeps, newest first (older ones are
 *     deleted)
 */
public record SnapshotPolicy(long entriesBetweenSnapshots, int retainedSnapshots) {
  /** A snapshot every 10,000 entries; the two newest kept. */
  public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(10_000, 2);

  /**
   * Checks the policy.
   *
   * @throws IllegalArgumentException when a number is not positive
   */
  public SnapshotPolicy {
    if (entriesBetweenSnapshots < 1) {
      throw new IllegalArgumentException(
          "entriesBetweenSnapshots must be positive, got " + entriesBetweenSnapshots);
    }
    if (retainedSnapshots < 1) {
      throw new IllegalArgumentException(
          "retainedSnapshots must be positive, got " + retainedSnapshots);
    }
  }
}
