package dev.ringstore.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a consensus group waits before it gives up on a leader, a message or a caller's request.
 *
 * <p>A follower that hears nothing from the leader for a random time between {@code
 * electionTimeoutMin} and {@code electionTimeoutMax} campaigns for leadership; the leader sends
 * heartbeats at half the minimum. After a leader dies, a new one is usually elected within about
 * {@code electionTimeoutMax} plus one or two vote round trips. The defaults (1-2 s) leave room for
 * garbage-collection pauses and a loaded 2-core machine without needless elections.
 *
 * @param electionTimeoutMin the shortest silence after which a follower campaigns
 * @param electionTimeoutMax the longest such silence; above the minimum, so that elections rarely
 *     split
 * @param requestTimeout how long one message between replicas (or from this replica's client to the
 *     leader) may go unanswered before it is retried
 * @param commitDeadline how long {@link ConsensusGroup#submit} and {@link ConsensusGroup#query} try
 *     before they fail with {@link ConsensusUnavailableException}
 */
public record RaftTimings(
    Duration electionTimeoutMin,
    Duration electionTimeoutMax,
    Duration requestTimeout,
    Duration commitDeadline) {

  /** Election after 1-2 s of silence, 3 s per message, 5 s per caller's request. */
  public static final RaftTimings DEFAULT =
      new RaftTimings(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(3),
          Duration.ofSeconds(5));

  /**
   * Checks the timings.
   *
   * @throws IllegalArgumentException when one is not positive or the election range is empty
   */
  public RaftTimings {
    requirePositive(electionTimeoutMin, "electionTimeoutMin");
    requirePositive(electionTimeoutMax, "electionTimeoutMax");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(commitDeadline, "commitDeadline");
    if (electionTimeoutMax.compareTo(electionTimeoutMin) <= 0) {
      throw new IllegalArgumentException(
          "electionTimeoutMax ("
              + electionTimeoutMax
              + ") must be above electionTimeoutMin ("
              + electionTimeoutMin
              + ")");
    }
  }

  /** These timings with a different commit deadline. */
  public RaftTimings withCommitDeadline(Duration deadline) {
    return new RaftTimings(electionTimeoutMin, electionTimeoutMax, requestTimeout, deadline);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
