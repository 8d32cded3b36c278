package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.coordinator.Failures;
import dev.ringstore.node.coordinator.LocalReplica;
import dev.ringstore.node.storage.Hint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, on this node, a hint for a primary that a write did not reach (Cassandra's coordinator
 * hints): a write's safety net for a replica that was down, timed out or partitioned away. It runs
 * after the write's quorum settled, so it never fails the write: a hint the node's bounds refuse
 * ({@link HeldHints}: the target down longer than the window, its queue at the byte cap) is counted
 * as dropped and its replica left to anti-entropy, so a dead node cannot fill its neighbours'
 * disks.
 */
public final class HintedHandoff {
  private static final Logger log = LoggerFactory.getLogger(HintedHandoff.class);

  private final LocalReplica local;

  public HintedHandoff(LocalReplica local) {
    this.local = local;
  }

  /** Stores {@code set} as a hint for {@code owner}, asynchronously. */
  public void keep(NodeId owner, int bucket, byte[] key, DottedVersionVectorSet set) {
    local
        .keepHint(new Hint(owner, bucket, key, set))
        .whenComplete(
            (ok, failure) -> {
              if (failure != null && !(Failures.unwrap(failure) instanceof HintRefusedException)) {
                log.warn("could not store a hint for {}: {}", owner, failure.toString());
              }
            });
  }
}
