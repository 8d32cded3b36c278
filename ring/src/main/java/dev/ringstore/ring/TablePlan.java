package dev.ringstore.ring;

import java.util.List;

/**
 * The outcome of planning a membership change: the table before, the table after (the next
 * version), and every bucket-replica that moves between them.
 */
public record TablePlan(BucketTable before, BucketTable after, List<BucketMove> moves) {
  public TablePlan {
    moves = List.copyOf(moves);
  }
}
