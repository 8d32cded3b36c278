package dev.ringstore.client;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes this client could not reach lately. A node that failed to answer is tried last for a
 * while ({@code quarantine}), so requests go straight to the next node of a key's preference list
 * instead of waiting on a dead one each time; it is never skipped outright, so when every node
 * failed the client still tries them all, and a node that answers again is taken back at once.
 */
final class NodeHealth {
  private final InstantSource clock;
  private final Duration quarantine;
  private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();

  NodeHealth(InstantSource clock, Duration quarantine) {
    this.clock = clock;
    this.quarantine = quarantine;
  }

  void failed(String address) {
    failedAt.put(address, clock.instant());
  }

  void answered(String address) {
    failedAt.remove(address);
  }

  boolean isSuspect(String address) {
    Instant at = failedAt.get(address);
    return at != null && clock.instant().isBefore(at.plus(quarantine));
  }

  /** {@code candidates} with the suspect ones moved to the end, each group in its own order. */
  List<String> order(List<String> candidates) {
    List<String> healthy = new ArrayList<>(candidates.size());
    List<String> suspect = new ArrayList<>();
    for (String address : candidates) {
      (isSuspect(address) ? suspect : healthy).add(address);
    }
    healthy.addAll(suspect);
    return healthy;
  }
}
