package dev.ringstore.gossip;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Refuses a gossip message whose counters no real member could have reached, before any of it is
 * applied. States are ordered by (generation, version), so one forged state at a version near
 * {@link Long#MAX_VALUE} would outrank every real heartbeat of that member for good (and a node
 * hearing it of itself would overflow jumping past it); a forged table version would make every
 * node believe in a table that never comes.
 *
 * <p>The ceilings: versions and table versions at most {@link #MAX_COUNTER} (2^62 − 1: a million
 * heartbeats a second for 146,000 years); a generation at most {@code maxGenerationAhead} past this
 * node's clock in milliseconds, Cassandra's rule (a generation is a start time in milliseconds or a
 * small counter, both far below). The whole message is refused, not the one entry: a sender that
 * forges one state is not trusted for the others, and a real member never sends such a state.
 */
final class GossipBounds {
  /** The highest version or table version accepted. */
  static final long MAX_COUNTER = Long.MAX_VALUE / 2;

  private final InstantSource clock;
  private final long maxAheadMillis;

  GossipBounds(InstantSource clock, Duration maxGenerationAhead) {
    this.clock = clock;
    this.maxAheadMillis = saturatedMillis(maxGenerationAhead);
  }

  /**
   * @throws InvalidGossipMessageException naming the first state or digest out of bounds
   */
  void check(GossipMessage message) {
    long maxGeneration = Math.min(MAX_COUNTER, saturatedAdd(clock.millis(), maxAheadMillis));
    if (message instanceof GossipMessage.Syn syn) {
      for (Digest digest : syn.digests()) {
        check(message, digest.id().value(), digest.generation(), digest.version(), maxGeneration);
      }
    } else if (message instanceof GossipMessage.Ack ack) {
      checkStates(message, ack.states(), maxGeneration);
    } else if (message instanceof GossipMessage.Ack2 ack2) {
      checkStates(message, ack2.states(), maxGeneration);
    }
  }

  private static void checkStates(GossipMessage message, List<MemberState> states, long max) {
    for (MemberState state : states) {
      check(message, state.id().value(), state.generation(), state.version(), max);
      if (state.tableVersion() > MAX_COUNTER) {
        throw refused(message, state.id().value(), "table version " + state.tableVersion());
      }
    }
  }

  private static void check(
      GossipMessage message, String id, long generation, long version, long maxGeneration) {
    if (generation > maxGeneration) {
      throw refused(message, id, "generation " + generation + " is past " + maxGeneration);
    }
    if (version > MAX_COUNTER) {
      throw refused(message, id, "version " + version);
    }
  }

  private static InvalidGossipMessageException refused(
      GossipMessage message, String id, String what) {
    return new InvalidGossipMessageException(
        "gossip from " + message.from() + " refused: " + id + "'s " + what + " is out of bounds");
  }

  private static long saturatedMillis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
