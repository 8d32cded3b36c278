package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.Sibling;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.coordinator.HintKeeper;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.StorageEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * The hints this node holds, with their bounds: every hint stored or deleted goes through here, so
 * the per-target counts stay exact without scans and every node that holds hints, coordinator or
 * fallback, applies the same limits. A new hint is refused when its target has been down longer
 * than the window as this node's liveness sees it, or when the target's queue has reached the byte
 * cap. The cap is checked before each store, without a lock around check and store (hint writes for
 * one target stay parallel), so a queue exceeds it by at most one hint per storage thread storing
 * at that moment; a held hint expires once its newest write is older than the TTL. Each refusal and
 * drop is counted with its {@link DropReason}.
 */
public final class HeldHints implements HintKeeper {
  private final StorageEngine storage;
  private final Liveness liveness;
  private final HintSettings settings;
  private final InstantSource clock;
  private final HintMetrics metrics;

  public HeldHints(
      StorageEngine storage,
      Liveness liveness,
      HintSettings settings,
      InstantSource clock,
      HintMetrics metrics) {
    this.storage = storage;
    this.liveness = liveness;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Counts the hints already on disk: call once, before the node takes requests. */
  public void recount() {
    metrics.queues().rebuild(storage);
  }

  @Override
  public void keep(Hint hint) {
    NodeId target = hint.target();
    Optional<Instant> downSince = liveness.downSince(target);
    if (downSince.isPresent()) {
      Duration down = Duration.between(downSince.get(), clock.instant());
      if (down.compareTo(settings.window()) > 0) {
        throw refused(
            DropReason.WINDOW,
            target
                + " has been down for "
                + down
                + ", longer than the hint window "
                + settings.window());
      }
    }
    long held = metrics.queues().bytes(target);
    if (held >= settings.maxBytesPerTarget()) {
      throw refused(
          DropReason.BYTES,
          "the hints held for "
              + target
              + " reached the cap of "
              + settings.maxBytesPerTarget()
              + " bytes");
    }
    metrics.queues().stored(target, storage.putHint(hint));
    metrics.stored();
  }

  private HintRefusedException refused(DropReason reason, String why) {
    metrics.dropped(reason);
    return new HintRefusedException(reason, why);
  }

  /** The targets this node holds hints for. */
  SortedSet<NodeId> targets() {
    return storage.hintTargets();
  }

  /** Visits {@code target}'s hints in key order until {@code visitor} returns false. */
  void scan(NodeId target, Predicate<Hint> visitor) {
    storage.scanHints(target, visitor);
  }

  /**
   * Forgets a hint its target (or a peer taking it over) acknowledged, unless it grew meanwhile;
   * returns whether it did.
   */
  boolean delivered(Hint hint) {
    if (!storage.deleteHint(hint)) {
      return false;
    }
    metrics.queues().deleted(hint.target(), hint.storedBytes());
    return true;
  }

  /** Deletes a hint without delivering it, counted with {@code reason}. */
  void drop(Hint hint, DropReason reason) {
    if (storage.deleteHint(hint)) {
      metrics.queues().deleted(hint.target(), hint.storedBytes());
      metrics.dropped(reason);
    }
  }

  /** Deletes every hint held for {@code target}, each counted with {@code reason}. */
  void dropAll(NodeId target, DropReason reason) {
    scan(
        target,
        hint -> {
          drop(hint, reason);
          return true;
        });
  }

  /** Whether {@code hint}'s newest write is older than the TTL. */
  boolean expired(Hint hint) {
    long newest =
        hint.set().siblings().stream().mapToLong(Sibling::timestampMillis).max().orElse(0);
    return newest > 0 && clock.millis() - newest > settings.ttl().toMillis();
  }

  /** The hints this node holds for {@code target}. */
  long held(NodeId target) {
    return metrics.queues().hints(target);
  }
}
