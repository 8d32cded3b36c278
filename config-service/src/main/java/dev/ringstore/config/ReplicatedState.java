package dev.ringstore.config;

/**
 * A deterministic state that a {@link ConsensusGroup} replicates: every replica applies the same
 * commands in the same order and so holds the same state. The Raft core sees only bytes.
 *
 * <p>The group is handed the initial (empty) state at start; on a restart it first {@linkplain
 * #restore restores} the latest snapshot and then re-applies the log entries after it, so a state
 * must not load anything of its own from disk.
 */
public interface ReplicatedState {
  /**
   * Applies one committed command; deterministic; returns the reply bytes. Called in log order, one
   * at a time.
   */
  byte[] apply(byte[] command);

  /**
   * Answers a read-only query against the current state. May be called concurrently with apply:
   * implementations synchronize.
   */
  byte[] query(byte[] query);

  /** The whole state, for a snapshot. */
  byte[] snapshot();

  /** Replaces the state with a snapshot's. */
  void restore(byte[] snapshot);
}
