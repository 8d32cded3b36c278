package dev.ringstore.client;

import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;

/**
 * The knobs of one write or delete: how many replicas it involves ({@code n}), how many must
 * acknowledge ({@code w}), how many of those must be primaries ({@code pw}), whether fallback nodes
 * may hold it for unreachable primaries ({@code sloppy}, hinted handoff), how long the coordinator
 * may take ({@code timeout}), and whether the reply carries the siblings after the write ({@code
 * returnBody}; puts only). Zero (and a null {@code sloppy}) leaves the choice to the node.
 *
 * @param n replicas the write involves, at most the cluster's replication factor; 0: all of them
 * @param w acknowledgements needed; 0: the node's default quorum
 * @param pw primary replicas among the acknowledgements; 0: none required
 * @param sloppy whether fallback nodes may stand in for unreachable primaries; null: the node's
 *     default (on)
 * @param timeout how long the coordinator may wait for its quorum; zero: the node's default
 * @param returnBody whether a put's reply carries the sibling values after it
 */
public record WriteOptions(
    int n, int w, int pw, Boolean sloppy, Duration timeout, boolean returnBody) {
  private static final WriteOptions DEFAULTS =
      new WriteOptions(0, 0, 0, null, Duration.ZERO, false);

  public WriteOptions {
    timeout = RequestKnobs.check(n, w, "w", pw, "pw", timeout);
  }

  /** Every knob left to the node, and no body in the reply. */
  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  public WriteOptions withN(int newN) {
    return new WriteOptions(newN, w, pw, sloppy, timeout, returnBody);
  }

  public WriteOptions withW(int newW) {
    return new WriteOptions(n, newW, pw, sloppy, timeout, returnBody);
  }

  public WriteOptions withPw(int newPw) {
    return new WriteOptions(n, w, newPw, sloppy, timeout, returnBody);
  }

  public WriteOptions withSloppy(Boolean newSloppy) {
    return new WriteOptions(n, w, pw, newSloppy, timeout, returnBody);
  }

  public WriteOptions withTimeout(Duration newTimeout) {
    return new WriteOptions(n, w, pw, sloppy, newTimeout, returnBody);
  }

  public WriteOptions withReturnBody(boolean newReturnBody) {
    return new WriteOptions(n, w, pw, sloppy, timeout, newReturnBody);
  }

  /** The wire form: only the knobs set here, so the node fills in the rest. */
  RequestOptions toWire() {
    RequestOptions.Builder wire =
        RequestOptions.newBuilder()
            .setTimeoutMs(RequestKnobs.millis(timeout))
            .setReturnBody(returnBody);
    if (n > 0) {
      wire.setN(n);
    }
    if (w > 0) {
      wire.setW(w);
    }
    if (pw > 0) {
      wire.setPw(pw);
    }
    if (sloppy != null) {
      wire.setSloppy(sloppy);
    }
    return wire.build();
  }
}
