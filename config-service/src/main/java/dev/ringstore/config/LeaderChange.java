package dev.ringstore.config;

import java.util.Objects;

/**
 * One replica learning who leads a term: it became the leader itself, or it heard from the new
 * leader. Raft allows at most one leader per term, so across all replicas' observations a term
 * never maps to two different leaders.
 *
 * @param observer the replica that learned it
 * @param term the term
 * @param leader the leader of that term
 */
public record LeaderChange(ReplicaId observer, long term, ReplicaId leader) {
  /** Checks the fields. */
  public LeaderChange {
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(leader, "leader");
  }
}
