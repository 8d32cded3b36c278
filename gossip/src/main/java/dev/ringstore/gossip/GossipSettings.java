package dev.ringstore.gossip;

import dev.ringstore.gossip.failure.PhiAccrualSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Gossiper} behaves, each knob with its default beside it.
 *
 * @param interval how often the caller should run {@link Gossiper#runRound}. The gossiper does not
 *     schedule itself; this is the period the failure detector's defaults are tuned for. Default
 *     {@link #INTERVAL_DEFAULT}.
 * @param failureDetector the phi-accrual detector's knobs (threshold 8 by default)
 * @param maxMembers the most members one node keeps, itself included: a state of a new member
 *     beyond it is dropped (known members keep updating), so forged gossip cannot grow the table
 *     without limit. Default {@value #MAX_MEMBERS_DEFAULT}, four times the largest cluster
 *     measured.
 * @param removedGrace how long a member that said it was {@link MemberStatus#LEAVING} stays in the
 *     table once this node judged it down; then it is forgotten, and a state of that generation or
 *     an older one heard within another grace is ignored. Default {@link #REMOVED_GRACE_DEFAULT}.
 * @param maxGenerationAhead how far past this node's clock a generation may be (a generation is a
 *     start time in milliseconds or a small counter); a message with one further ahead is refused
 *     whole. Default {@link #MAX_GENERATION_AHEAD_DEFAULT}, Cassandra's rule.
 */
public record GossipSettings(
    Duration interval,
    PhiAccrualSettings failureDetector,
    int maxMembers,
    Duration removedGrace,
    Duration maxGenerationAhead) {
  public static final Duration INTERVAL_DEFAULT = Duration.ofSeconds(1);
  public static final int MAX_MEMBERS_DEFAULT = 4096;

  /**
   * A day: long enough that every node has judged the leaver down and forgotten it before the
   * tombstones expire, short enough that a cluster with churn does not carry its ghosts for long.
   * Cassandra keeps removed endpoints for three days; its quarantine against resurrection is far
   * shorter, which our tombstone covers.
   */
  public static final Duration REMOVED_GRACE_DEFAULT = Duration.ofHours(24);

  public static final Duration MAX_GENERATION_AHEAD_DEFAULT = Duration.ofDays(365);

  /** Every knob at its default. */
  public static final GossipSettings DEFAULTS =
      new GossipSettings(
          INTERVAL_DEFAULT,
          PhiAccrualSettings.DEFAULTS,
          MAX_MEMBERS_DEFAULT,
          REMOVED_GRACE_DEFAULT,
          MAX_GENERATION_AHEAD_DEFAULT);

  public GossipSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(failureDetector, "failureDetector");
    Objects.requireNonNull(removedGrace, "removedGrace");
    Objects.requireNonNull(maxGenerationAhead, "maxGenerationAhead");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (maxMembers < 1) {
      throw new IllegalArgumentException("maxMembers counts this node: at least 1: " + maxMembers);
    }
    if (removedGrace.isNegative() || maxGenerationAhead.isNegative()) {
      throw new IllegalArgumentException("removedGrace and maxGenerationAhead are not negative");
    }
  }

  public GossipSettings withInterval(Duration value) {
    return new GossipSettings(value, failureDetector, maxMembers, removedGrace, maxGenerationAhead);
  }

  public GossipSettings withFailureDetector(PhiAccrualSettings value) {
    return new GossipSettings(interval, value, maxMembers, removedGrace, maxGenerationAhead);
  }

  public GossipSettings withMaxMembers(int value) {
    return new GossipSettings(interval, failureDetector, value, removedGrace, maxGenerationAhead);
  }

  public GossipSettings withRemovedGrace(Duration value) {
    return new GossipSettings(interval, failureDetector, maxMembers, value, maxGenerationAhead);
  }

  public GossipSettings withMaxGenerationAhead(Duration value) {
    return new GossipSettings(interval, failureDetector, maxMembers, removedGrace, value);
  }
}
