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
 *
 * <p>A node that fails again as soon as its quarantine is over stays out twice as long each time,
 * up to {@value #MAX_DOUBLINGS} doublings: behind a partition that drops packets silently, every
 * request sent to it costs the caller a whole timeout, so probing it every couple of seconds turned
 * a share of the writes on the reachable side into timeouts.
 */
final class NodeHealth {
  static final int MAX_DOUBLINGS = 3;

  private record Suspicion(Instant at, int strikes) {}

  private final InstantSource clock;
  private final Duration quarantine;
  private final Map<String, Suspicion> suspects = new ConcurrentHashMap<>();

  NodeHealth(InstantSource clock, Duration quarantine) {
    this.clock = clock;
    this.quarantine = quarantine;
  }

  void failed(String address) {
    Instant now = clock.instant();
    suspects.compute(
        address,
        (a, old) -> {
          if (old == null) {
            return new Suspicion(now, 1);
          }
          // Failures of requests sent while it was already suspect do not count twice.
          boolean stillOut = now.isBefore(old.at().plus(quarantineFor(old.strikes())));
          return stillOut
              ? old
              : new Suspicion(now, Math.min(old.strikes() + 1, MAX_DOUBLINGS + 1));
        });
  }

  void answered(String address) {
    suspects.remove(address);
  }

  boolean isSuspect(String address) {
    Suspicion s = suspects.get(address);
    return s != null && clock.instant().isBefore(s.at().plus(quarantineFor(s.strikes())));
  }

  private Duration quarantineFor(int strikes) {
    return quarantine.multipliedBy(1L << (strikes - 1));
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
