package dev.ringstore.ring;

import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Evens out bucket-replicas per node on top of raw token placement, in the spirit of Riak's claim
 * algorithm: repeatedly hands one bucket-replica from a heavier node to a node holding at least two
 * fewer, whenever the zone rule allows, until no such move exists. Each move lowers the sum of
 * squared loads, so the pass ends; without zones it ends with max - min ≤ 1.
 *
 * <p>Deterministic: nodes are visited heaviest first (ties by id), buckets in ascending order, and
 * the lightest valid receiver (ties by id) takes the replica.
 */
final class Balancer {
  private Balancer() {}

  /** Balances the assignment in place; returns how many bucket-replicas it moved. */
  static int balance(Assignment a) {
    int moves = 0;
    boolean movedInSweep = true;
    while (movedInSweep) {
      movedInSweep = false;
      List<Integer> heaviestFirst = a.lightestFirst();
      Collections.reverse(heaviestFirst);
      for (int heavy : heaviestFirst) {
        while (shedOne(a, heavy)) {
          moves++;
          movedInSweep = true;
        }
      }
    }
    return moves;
  }

  /**
   * Evens out primaries, the first places that decide which node coordinates a bucket, by promoting
   * in each bucket (in order) the member with the fewest primaries so far, ties to the earlier
   * place. Reordering a list moves no data.
   */
  static void balancePrimaries(Assignment a) {
    int[] primaries = new int[a.memberCount()];
    for (int b = 0; b < a.bucketCount(); b++) {
      int[] list = a.list(b);
      int best = 0;
      for (int slot = 1; slot < list.length; slot++) {
        if (primaries[list[slot]] < primaries[list[best]]) {
          best = slot;
        }
      }
      a.promote(b, best);
      primaries[list[0]]++;
    }
  }

  private static boolean shedOne(Assignment a, int heavy) {
    List<Integer> lightest = a.lightestFirst();
    int minLoad = a.load(lightest.get(0));
    int bestLoad = a.load(heavy) - 1; // a receiver must hold fewer than this
    int bestBucket = -1;
    int bestSlot = -1;
    int bestReceiver = -1;
    BitSet buckets = a.bucketsOf(heavy);
    for (int b = buckets.nextSetBit(0);
        b >= 0 && bestLoad > minLoad;
        b = buckets.nextSetBit(b + 1)) {
      int slot = a.slotOf(b, heavy);
      for (int candidate : lightest) {
        if (a.load(candidate) >= bestLoad) {
          break;
        }
        if (a.canReplace(b, slot, candidate)) {
          bestLoad = a.load(candidate);
          bestBucket = b;
          bestSlot = slot;
          bestReceiver = candidate;
          break;
        }
      }
    }
    if (bestBucket < 0) {
      return false;
    }
    a.replace(bestBucket, bestSlot, bestReceiver);
    return true;
  }
}
