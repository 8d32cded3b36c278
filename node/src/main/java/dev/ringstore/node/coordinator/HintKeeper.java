package dev.ringstore.node.coordinator;

import dev.ringstore.node.storage.Hint;

/**
 * Where this node's hints go, whether it coordinated the write or stands in for a primary as a
 * fallback. Blocking: called on a storage thread.
 */
@FunctionalInterface
public interface HintKeeper {

  /**
   * Stores {@code hint}, merged into any hint held for the same target and key.
   *
   * @throws dev.ringstore.protocol.RingstoreException with {@code OVERLOADED} when this node's hint
   *     bounds refuse it (the target has been down too long, or its queue is full): the hint is not
   *     stored, so a fallback must not count towards the write's quorum
   */
  void keep(Hint hint);
}
