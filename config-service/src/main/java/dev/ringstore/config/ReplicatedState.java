package dev.ringstore.config;

/**
 * A deterministic state that a {@link ConsensusGroup} replicates: every replica applies the same
 * commands in the same order and so holds the same state. The Raft core sees only bytes.
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
