package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.coordinator.LocalReplica;
import dev.ringstore.node.storage.Hint;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, on this node, a hint for a primary that a write did not reach (Cassandra's coordinator
 * hints): a write's safety net for a replica that was down, timed out or partitioned away. A target
 * down longer than the hint window gets no new hints (they are counted as dropped) and is left to
 * anti-entropy, so a dead node cannot fill its neighbours' disks.
 */
public final class HintedHandoff {
  private static final Logger log = LoggerFactory.getLogger(HintedHandoff.class);

  private final LocalReplica local;
  private final Liveness liveness;
  private final HintSettings settings;
  private final InstantSource clock;
  private final HintMetrics metrics;

  public HintedHandoff(
      LocalReplica local,
      Liveness liveness,
      HintSettings settings,
      InstantSource clock,
      HintMetrics metrics) {
    this.local = local;
    this.liveness = liveness;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Stores {@code set} as a hint for {@code owner}, asynchronously. */
  public void keep(NodeId owner, int bucket, byte[] key, DottedVersionVectorSet set) {
    Instant since = liveness.downSince(owner).orElse(null);
    if (since != null
        && Duration.between(since, clock.instant()).compareTo(settings.window()) > 0) {
      metrics.droppedOutsideWindow();
      return;
    }
    local
        .keepHint(new Hint(owner, bucket, key, set))
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                metrics.stored();
              } else {
                log.warn("could not store a hint for {}: {}", owner, failure.toString());
              }
            });
  }
}
