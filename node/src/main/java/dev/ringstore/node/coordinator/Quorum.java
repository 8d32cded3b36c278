package dev.ringstore.node.coordinator;

import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;

/**
 * One request's consistency, resolved from its options and the node's defaults: how many replicas
 * it involves ({@code n}), how many must answer ({@code r} or {@code w}), how many of those must be
 * primaries ({@code pr} or {@code pw}), whether fallback nodes may stand in ({@code sloppy}), and
 * how long it may take. Unset options take Riak's defaults: n = the replication factor, r = w = a
 * majority of n, pr = pw = 0, sloppy on.
 *
 * @param n replicas of the preference list the request involves
 * @param required answers (reads) or acknowledgements (writes) needed
 * @param requiredPrimaries of those, how many must come from primaries rather than fallbacks
 * @param sloppy whether fallbacks may stand in for primaries that are down
 * @param timeout how long to wait for {@code required}
 */
public record Quorum(int n, int required, int requiredPrimaries, boolean sloppy, Duration timeout) {

  /** A read's quorum: {@code r} and {@code pr}. */
  /** The same quorum needing {@code extra} more acknowledgements. */
  public Quorum plusRequired(int extra) {
    return new Quorum(n, required + extra, requiredPrimaries, sloppy, timeout);
  }

  public static Quorum read(
      RequestOptions options, int replicationFactor, ClusterSettings settings) {
    int n = n(options, replicationFactor);
    int r = count("r", options.hasR(), options.getR(), n);
    int pr = primaries("pr", options.hasPr(), options.getPr(), "r", r);
    return new Quorum(n, r, pr, sloppy(options), timeout(options, settings));
  }

  /** A write's quorum: {@code w} and {@code pw}. */
  public static Quorum write(
      RequestOptions options, int replicationFactor, ClusterSettings settings) {
    int n = n(options, replicationFactor);
    int w = count("w", options.hasW(), options.getW(), n);
    int pw = primaries("pw", options.hasPw(), options.getPw(), "w", w);
    return new Quorum(n, w, pw, sloppy(options), timeout(options, settings));
  }

  private static int n(RequestOptions options, int replicationFactor) {
    if (!options.hasN()) {
      return replicationFactor;
    }
    int n = options.getN();
    if (n < 1 || n > replicationFactor) {
      throw badRequest(
          "n="
              + n
              + " is impossible: it must be 1 to the replication factor, "
              + replicationFactor);
    }
    return n;
  }

  private static int count(String name, boolean set, int value, int n) {
    if (!set) {
      return n / 2 + 1;
    }
    if (value < 1 || value > n) {
      throw badRequest(name + "=" + value + " is impossible: it must be 1 to n (" + n + ")");
    }
    return value;
  }

  private static int primaries(String name, boolean set, int value, String of, int required) {
    if (set && value > required) {
      throw badRequest(
          name + "=" + value + " is impossible: it must not exceed " + of + " (" + required + ")");
    }
    return set ? value : 0;
  }

  private static boolean sloppy(RequestOptions options) {
    return !options.hasSloppy() || options.getSloppy();
  }

  private static Duration timeout(RequestOptions options, ClusterSettings settings) {
    if (options.getTimeoutMs() == 0) {
      return settings.requestTimeout();
    }
    Duration timeout = Duration.ofMillis(Integer.toUnsignedLong(options.getTimeoutMs()));
    if (timeout.compareTo(settings.maxRequestTimeout()) > 0) {
      throw badRequest(
          "a timeout of "
              + timeout.toMillis()
              + " ms is over the node's maximum of "
              + settings.maxRequestTimeout().toMillis()
              + " ms");
    }
    return timeout;
  }

  private static RingstoreException badRequest(String message) {
    return new RingstoreException(ErrorCode.BAD_REQUEST, message);
  }
}
