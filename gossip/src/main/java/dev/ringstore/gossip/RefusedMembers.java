package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the new members a full table turned away, and says so in the log at most once a minute: a
 * flood of forged members must not become a flood of log lines. Not thread-safe: the {@link
 * Gossiper}'s lock guards it.
 */
final class RefusedMembers {
  private static final Logger log = LoggerFactory.getLogger(RefusedMembers.class);
  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private final int maxMembers;
  private final InstantSource clock;
  private long total;
  private long unlogged;
  private Instant nextLog = Instant.MIN;

  RefusedMembers(int maxMembers, InstantSource clock) {
    this.maxMembers = maxMembers;
    this.clock = clock;
  }

  void refused(NodeId id) {
    total++;
    unlogged++;
    Instant now = clock.instant();
    if (!now.isBefore(nextLog)) {
      log.warn(
          "the member table is full ({} members, GossipSettings.maxMembers): refused {} new"
              + " member(s) since last said, {} among them",
          maxMembers,
          unlogged,
          id);
      unlogged = 0;
      nextLog = now.plus(LOG_EVERY);
    }
  }

  /** Every new member refused since the start. */
  long total() {
    return total;
  }
}
