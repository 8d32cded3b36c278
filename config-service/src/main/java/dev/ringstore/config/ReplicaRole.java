package dev.ringstore.config;

/** What one replica currently is in its consensus group, as that replica sees itself. */
public enum ReplicaRole {
  /** Accepts and commits commands for the group. */
  LEADER,
  /** Replicates the leader's log. */
  FOLLOWER,
  /** Campaigning for leadership after missing the leader's heartbeats. */
  CANDIDATE,
  /** Receives the log without voting (not used by the config service today). */
  LISTENER,
  /** Not running: not started yet, or closed. */
  STOPPED
}
