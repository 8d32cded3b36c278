package dev.ringstore.node.handoff;

import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;

/**
 * A hint this node's bounds would not store; it reaches a coordinator as {@code OVERLOADED}, so a
 * fallback that refused does not count towards the write's quorum.
 */
public final class HintRefusedException extends RingstoreException {
  private final DropReason reason;

  HintRefusedException(DropReason reason, String why) {
    super(
        ErrorCode.OVERLOADED, "no hint kept: " + why + "; anti-entropy repairs the replica later");
    this.reason = reason;
  }

  public DropReason reason() {
    return reason;
  }
}
