package dev.ringstore.config;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * This process's replica of a Raft group that replicates one {@link ReplicatedState}: the narrow
 * interface through which the config service uses consensus, so that the Raft core behind it can be
 * replaced.
 *
 * <p>Any replica accepts commands and queries and forwards them to the leader. Commands submitted
 * concurrently commit in no particular order; a command submitted after another one's future
 * completed commits after it. The returned futures complete on the group's own threads, never on a
 * transport thread; dependent stages should still not block for long, as they hold up other
 * callers.
 */
public interface ConsensusGroup extends AutoCloseable {
  /**
   * Replicates a command: completes with the reply of {@link ReplicatedState#apply} once a majority
   * has the command in its log and the leader has applied it. A command is applied at most once,
   * even when it is retried across a change of leader.
   *
   * <p>Fails with {@link ConsensusUnavailableException} when no leader commits it within the
   * timings' commit deadline; the command may still be applied later. Fails with {@link
   * IllegalStateException} when {@link ReplicatedState#apply} threw: the entry still stays in the
   * log, and every replica's state saw the same failure.
   */
  CompletableFuture<byte[]> submit(byte[] command);

  /**
   * Answers a query with {@link ReplicatedState#query} on the leader, linearizably: the answer
   * reflects every command whose submit completed before this query was made.
   *
   * <p>Fails with {@link ConsensusUnavailableException} when no leader can confirm its leadership
   * within the commit deadline.
   */
  CompletableFuture<byte[]> query(byte[] query);

  /** This replica's current view of the group, from local state only. */
  GroupStatus status();

  /**
   * Tells the listener of every leader this replica learns of, starting with the latest it already
   * knows (so it may hear one change twice). Called on a Raft thread: the listener must be quick
   * and must not call back into the group.
   */
  void addLeaderListener(Consumer<LeaderChange> listener);

  /** Stops this replica's server and client. Idempotent. */
  @Override
  void close();
}
