package dev.ringstore.node.server;

import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.Sibling;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PutCondition;

/**
 * A put's condition ({@code IF_ABSENT}, {@code IF_MATCH}), checked against the coordinating
 * primary's own replica inside the key's update, so that the check and the local write are one
 * atomic step under the key's lock. A failed check throws before anything is stored, so the write
 * goes nowhere. It is not a lock across replicas: docs/replication.md says what it guarantees.
 */
final class PutPrecondition {
  static final PutPrecondition NONE =
      new PutPrecondition(PutCondition.PUT_CONDITION_NONE, CausalContext.EMPTY);

  private final PutCondition condition;
  private final CausalContext context;

  private PutPrecondition(PutCondition condition, CausalContext context) {
    this.condition = condition;
    this.context = context;
  }

  /** The condition of a put carrying {@code context}; BAD_REQUEST for one that cannot be met. */
  static PutPrecondition of(PutCondition condition, CausalContext context) {
    switch (condition) {
      case PUT_CONDITION_NONE:
        return NONE;
      case IF_ABSENT:
        return new PutPrecondition(condition, context);
      case IF_MATCH:
        if (context.isEmpty()) {
          throw new RequestRejectedException(
              ErrorCode.BAD_REQUEST,
              "IF_MATCH needs the context of a read of the key; to write only a new key use"
                  + " IF_ABSENT");
        }
        return new PutPrecondition(condition, context);
      default:
        throw new RequestRejectedException(
            ErrorCode.BAD_REQUEST, "unknown put condition " + condition);
    }
  }

  /** Whether the put must be coordinated by the key's first live primary. */
  boolean isConditional() {
    return condition != PutCondition.PUT_CONDITION_NONE;
  }

  /** Runs inside the per-key update: throws CONDITION_FAILED when {@code stored} fails it. */
  void check(DottedVersionVectorSet stored) {
    if (condition == PutCondition.IF_ABSENT && stored.isFound()) {
      throw failed("the key already holds a value");
    }
    if (condition == PutCondition.IF_MATCH && !coveredByContext(stored)) {
      throw failed("the key was written since the context was read");
    }
  }

  /**
   * Whether the read that gave the context saw every version this replica stores, tombstones
   * included. A replica behind the context passes: it stores nothing the client has not seen.
   */
  private boolean coveredByContext(DottedVersionVectorSet stored) {
    for (Sibling sibling : stored.siblings()) {
      if (!context.covers(sibling.dot())) {
        return false;
      }
    }
    return true;
  }

  private static RequestRejectedException failed(String reason) {
    return new RequestRejectedException(
        ErrorCode.CONDITION_FAILED,
        reason + "; nothing was written: read the key and decide again");
  }
}
