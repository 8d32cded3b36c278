package dev.ringstore.client;

import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;

/**
 * The knobs of one read: how many replicas it involves ({@code n}), how many must answer ({@code
 * r}), how many of those must be primaries ({@code pr}), whether fallback nodes may stand in for
 * unreachable primaries ({@code sloppy}), and how long the coordinator may take ({@code timeout}).
 * Zero (and a null {@code sloppy}) leaves the choice to the node, so {@link #defaults()} sends no
 * options at all.
 *
 * <pre>{@code
 * client.get(key, ReadOptions.defaults().withR(3).withTimeout(Duration.ofSeconds(1)));
 * }</pre>
 *
 * @param n replicas the read involves, at most the cluster's replication factor; 0: all of them
 * @param r replies needed; 0: the node's default quorum
 * @param pr primary replicas among the replies; 0: none required
 * @param sloppy whether fallback nodes may answer for unreachable primaries; null: the node's
 *     default (on)
 * @param timeout how long the coordinator may wait for its quorum; zero: the node's default
 */
public record ReadOptions(int n, int r, int pr, Boolean sloppy, Duration timeout) {
  private static final ReadOptions DEFAULTS = new ReadOptions(0, 0, 0, null, Duration.ZERO);

  public ReadOptions {
    timeout = RequestKnobs.check(n, r, "r", pr, "pr", timeout);
  }

  /** Every knob left to the node. */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  public ReadOptions withN(int newN) {
    return new ReadOptions(newN, r, pr, sloppy, timeout);
  }

  public ReadOptions withR(int newR) {
    return new ReadOptions(n, newR, pr, sloppy, timeout);
  }

  public ReadOptions withPr(int newPr) {
    return new ReadOptions(n, r, newPr, sloppy, timeout);
  }

  public ReadOptions withSloppy(Boolean newSloppy) {
    return new ReadOptions(n, r, pr, newSloppy, timeout);
  }

  public ReadOptions withTimeout(Duration newTimeout) {
    return new ReadOptions(n, r, pr, sloppy, newTimeout);
  }

  /** The wire form: only the knobs set here, so the node fills in the rest. */
  RequestOptions toWire() {
    RequestOptions.Builder wire =
        RequestOptions.newBuilder().setTimeoutMs(RequestKnobs.millis(timeout));
    if (n > 0) {
      wire.setN(n);
    }
    if (r > 0) {
      wire.setR(r);
    }
    if (pr > 0) {
      wire.setPr(pr);
    }
    if (sloppy != null) {
      wire.setSloppy(sloppy);
    }
    return wire.build();
  }
}
