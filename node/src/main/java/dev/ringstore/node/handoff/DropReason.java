package dev.ringstore.node.handoff;

import java.util.Locale;

/**
 * Why a hint was dropped rather than delivered; the {@code reason} tag of {@code
 * ringstore_hints_dropped_total}. A dropped hint's write is left to read repair and anti-entropy.
 */
public enum DropReason {
  /** Not stored: its target had been down longer than the hint window. */
  WINDOW,
  /** Deleted: its newest write was older than the hint TTL. */
  TTL,
  /** Not stored: the hints held for its target had reached the per-target byte cap. */
  BYTES,
  /** Deleted: its target is no longer a member of the cluster. */
  REMOVED,
  /**
   * Deleted: its target refused it because the key would go over the stored-set limit (a concurrent
   * large version is there); no replay could ever land.
   */
  TOO_LARGE;

  /** The metric tag value. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
