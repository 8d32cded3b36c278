package dev.ringstore.gossip;

/**
 * Where a member stands. {@link #JOINING}, {@link #UP} and {@link #LEAVING} are what a member says
 * of itself, and travel by gossip; {@link #DOWN} is never gossiped: it is one node's local
 * judgement of another, from its failure detector, shown in place of the gossiped status.
 */
public enum MemberStatus {
  /** Started and gossiping, not yet serving its share of the data. */
  JOINING,
  /** Serving. */
  UP,
  /** Handing its data over before it goes away. */
  LEAVING,
  /** Judged unreachable by the node that shows this (phi over the threshold); local only. */
  DOWN;

  /** Whether a member may say this of itself (everything but {@link #DOWN}). */
  public boolean isGossiped() {
    return this != DOWN;
  }
}
