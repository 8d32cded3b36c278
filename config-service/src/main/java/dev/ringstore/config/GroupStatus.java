package dev.ringstore.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One replica's local view of its consensus group, read without any network round trip; other
 * replicas may see a different term or leader at the same moment.
 *
 * @param self the replica reporting
 * @param role what the reporting replica is
 * @param term the current Raft term as the reporting replica knows it
 * @param leader the leader of that term, empty while the replica knows of none (during an election,
 *     or when it cannot reach a majority)
 * @param replicas every member of the group, sorted
 * @param lastAppliedIndex the index of the last log entry applied to the local state, {@code -1}
 *     before any
 */
public record GroupStatus(
    ReplicaId self,
    ReplicaRole role,
    long term,
    Optional<ReplicaId> leader,
    List<ReplicaId> replicas,
    long lastAppliedIndex) {

  /** Checks and copies the fields. */
  public GroupStatus {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(leader, "leader");
    replicas = List.copyOf(replicas);
  }

  /** Whether the reporting replica is the leader. */
  public boolean isLeader() {
    return role == ReplicaRole.LEADER;
  }
}
