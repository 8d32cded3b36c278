package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One member as one node sees it at one moment: the newest state it heard, and its own judgement of
 * whether the member is alive, with the phi behind that judgement.
 *
 * @param state the newest state heard
 * @param alive whether this node believes the member reachable (phi under the threshold; always
 *     true for the node itself)
 * @param phi the failure detector's suspicion level now (0 for the node itself)
 * @param downSince when this node judged the member down; empty while it is alive
 */
public record MemberView(
    MemberState state, boolean alive, double phi, Optional<Instant> downSince) {
  public MemberView {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(downSince, "downSince");
  }

  public NodeId id() {
    return state.id();
  }

  public String address() {
    return state.address();
  }

  public long generation() {
    return state.generation();
  }

  /** {@link MemberStatus#DOWN} when this node judges the member down, else what it says. */
  public MemberStatus status() {
    return alive ? state.status() : MemberStatus.DOWN;
  }
}
