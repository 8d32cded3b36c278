package dev.ringstore.gossip;

/**
 * What a member stores, in brief, so that operators and placement can see it without asking every
 * node.
 *
 * @param keys how many keys the member holds (an estimate is fine)
 * @param bytes how many bytes they take on disk (an estimate is fine)
 */
public record LoadSummary(long keys, long bytes) {
  /** Nothing stored, or not reported yet. */
  public static final LoadSummary EMPTY = new LoadSummary(0, 0);

  public LoadSummary {
    if (keys < 0 || bytes < 0) {
      throw new IllegalArgumentException("a load is not negative: " + keys + " keys, " + bytes);
    }
  }
}
