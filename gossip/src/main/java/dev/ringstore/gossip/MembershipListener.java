package dev.ringstore.gossip;

/**
 * Hears of changes in a node's view of the membership. Called on the thread that drove the change
 * ({@link Gossiper#runRound} or {@link Gossiper#receive}) while the gossiper holds its lock, so
 * events arrive in order; a listener must be quick, must not block, and may read the view.
 */
public interface MembershipListener {

  /** A member this node had never heard of. It counts as alive from now on, until judged down. */
  default void onJoined(MemberView member) {}

  /** A member judged down is alive again (a newer heartbeat arrived). */
  default void onUp(MemberView member) {}

  /** A member's phi rose over the threshold. */
  default void onDown(MemberView member) {}

  /** A member came back with a higher generation: same member, restarted. */
  default void onRestarted(MemberView member) {}

  /** A member's address, zone, status, table version or load changed. */
  default void onChanged(MemberView member) {}

  /**
   * A member that said it was leaving and has been down for {@link GossipSettings#removedGrace()}
   * is dropped from the view; {@code member} is its last view. A later state of the same or an
   * older generation is ignored for another grace; a higher generation joins it anew.
   */
  default void onForgotten(MemberView member) {}
}
