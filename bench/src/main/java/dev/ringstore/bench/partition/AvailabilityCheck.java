package dev.ringstore.bench.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * After the heal: reads every cart that got an acknowledged add, on either side, until each holds
 * every element acknowledged to it (siblings merged by union), and says how long that took and
 * what, if anything, is still missing at the deadline.
 */
final class AvailabilityCheck {
  /** The check's answer: acknowledged adds, those found, and the seconds until all were. */
  record Verdict(
      long acknowledged,
      long found,
      double secondsUntilComplete,
      Map<String, Set<String>> missing) {
    boolean complete() {
      return acknowledged == found;
    }
  }

  private static final int READS_IN_FLIGHT = 32;

  private final CartTarget target;

  AvailabilityCheck(CartTarget target) {
    this.target = target;
  }

  Verdict run(Map<String, Set<String>> acked, Duration deadline) throws InterruptedException {
    long start = System.nanoTime();
    long total = acked.values().stream().mapToLong(Set::size).sum();
    Map<String, Set<String>> missing = new HashMap<>();
    acked.forEach((cart, elements) -> missing.put(cart, new HashSet<>(elements)));
    while (true) {
      Semaphore concurrent = new Semaphore(READS_IN_FLIGHT);
      List<CompletableFuture<?>> reads = new ArrayList<>();
      for (var entry : Map.copyOf(missing).entrySet()) {
        concurrent.acquire();
        reads.add(
            target
                .read(entry.getKey())
                .orTimeout(5, TimeUnit.SECONDS)
                .handle(
                    (stored, unreachableYet) -> {
                      concurrent.release();
                      if (stored != null) {
                        synchronized (missing) {
                          entry.getValue().removeAll(stored);
                          if (entry.getValue().isEmpty()) {
                            missing.remove(entry.getKey());
                          }
                        }
                      }
                      return null;
                    }));
      }
      CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
      long stillMissing;
      synchronized (missing) {
        stillMissing = missing.values().stream().mapToLong(Set::size).sum();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (stillMissing == 0 || seconds > deadline.toSeconds()) {
        return new Verdict(
            total, total - stillMissing, stillMissing == 0 ? seconds : Double.NaN, missing);
      }
      Thread.sleep(500);
    }
  }
}
