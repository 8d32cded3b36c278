package dev.ringstore.node.storage;

/**
 * What storing a hint did to the stored entry of its target, bucket and key, in the bytes it takes
 * ({@link Hint#storedBytes()}: user key plus encoded set): the hinted handoff counts its queues
 * from these instead of scanning them.
 *
 * @param bytesBefore the entry's size before, 0 if there was none
 * @param bytesAfter the entry's size after the merge
 */
public record HintGrowth(long bytesBefore, long bytesAfter) {
  public HintGrowth {
    if (bytesBefore < 0 || bytesAfter <= 0) {
      throw new IllegalArgumentException(
          "hint sizes must be positive: " + bytesBefore + " -> " + bytesAfter);
    }
  }

  /** Whether the hint made a new entry rather than merging into one already held. */
  public boolean added() {
    return bytesBefore == 0;
  }
}
