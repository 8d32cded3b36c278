package dev.ringstore.client;

import java.time.Duration;

/** The checks {@link ReadOptions} and {@link WriteOptions} share: what no node could accept. */
final class RequestKnobs {
  /** The longest timeout the wire carries (uint32 milliseconds, kept to a signed int here). */
  static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private RequestKnobs() {}

  /**
   * Checks {@code n}, a quorum and its primary count as far as they are set (a set quorum at most
   * n, set primaries at most n and the quorum), and returns the timeout with null read as zero (the
   * node's default).
   */
  static Duration check(
      int n, int quorum, String quorumName, int primaries, String primariesName, Duration timeout) {
    requireNonNegative("n", n);
    requireNonNegative(quorumName, quorum);
    requireNonNegative(primariesName, primaries);
    if (n > 0 && quorum > n) {
      throw new IllegalArgumentException(
          quorumName + " (" + quorum + ") must not exceed n (" + n + ")");
    }
    if (n > 0 && primaries > n) {
      throw new IllegalArgumentException(
          primariesName + " (" + primaries + ") must not exceed n (" + n + ")");
    }
    if (quorum > 0 && primaries > quorum) {
      throw new IllegalArgumentException(
          primariesName
              + " ("
              + primaries
              + ") must not exceed "
              + quorumName
              + " ("
              + quorum
              + ")");
    }
    return timeout(timeout);
  }

  /**
   * A request timeout with null read as zero (the node's default); refuses what the wire cannot
   * carry.
   */
  static Duration timeout(Duration timeout) {
    Duration checked = timeout == null ? Duration.ZERO : timeout;
    if (checked.isNegative() || checked.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "timeout must be from 0 to " + MAX_TIMEOUT + ": " + timeout);
    }
    if (!checked.isZero() && checked.toMillis() == 0) {
      throw new IllegalArgumentException("timeout must be at least 1ms: " + timeout);
    }
    return checked;
  }

  /** A checked timeout as the wire's milliseconds. */
  static int millis(Duration timeout) {
    return (int) timeout.toMillis();
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
