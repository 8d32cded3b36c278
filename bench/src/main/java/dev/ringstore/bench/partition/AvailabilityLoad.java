package dev.ringstore.bench.partition;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.bench.compare.AvailabilitySecond;
import dev.ringstore.protocol.RingstoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The steady load of one side of a partition: from a given wall-clock instant, every {@code 1/rate}
 * seconds one add to a random cart and one read of a random cart, sent asynchronously with a
 * per-request timeout (open loop: a partition does not slow the offered load down), counted per
 * second; every acknowledged add is kept, so the check after the heal can look for it.
 */
final class AvailabilityLoad {
  /** What one side's load writes to its JSON file. */
  record Outcome(
      String side,
      List<AvailabilitySecond> seconds,
      Map<String, Long> failures,
      Map<String, Set<String>> acked) {}

  private static final int MAX_IN_FLIGHT = 2000;

  private final CartTarget target;
  private final String side;
  private final String prefix;
  private final int carts;
  private final Random random;

  AvailabilityLoad(CartTarget target, String side, String prefix, int carts, long seed) {
    this.target = target;
    this.side = side;
    this.prefix = prefix;
    this.carts = carts;
    this.random = new Random(seed);
  }

  /** Runs from {@code startAtMillis} (epoch) for {@code seconds}, then waits for replies. */
  Outcome run(long startAtMillis, int seconds, int rate, Duration timeout) throws Exception {
    SecondCounts counts = new SecondCounts(seconds);
    Map<String, Set<String>> acked = new ConcurrentHashMap<>();
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    Set<String> writing = ConcurrentHashMap.newKeySet();
    AtomicLong sequence = new AtomicLong();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long period = Math.max(1, 1_000_000 / rate);
    long delay = Math.max(0, startAtMillis - System.currentTimeMillis()) * 1000;
    ticker.scheduleAtFixedRate(
        () -> {
          int second = (int) ((System.currentTimeMillis() - startAtMillis) / 1000);
          String cart = idleCart(writing);
          String element = side + "-" + sequence.incrementAndGet();
          if (inFlight.tryAcquire()) {
            writing.add(cart);
            target
                .add(cart, element)
                .whenComplete(
                    (ok, failure) -> {
                      writing.remove(cart);
                      inFlight.release();
                      counts.write(second, failure == null);
                      count(failures, "write", failure);
                      if (failure == null) {
                        acked
                            .computeIfAbsent(cart, c -> ConcurrentHashMap.newKeySet())
                            .add(element);
                      }
                    });
          } else {
            counts.write(second, false);
            failures.computeIfAbsent("write: too many in flight", k -> new LongAdder()).increment();
          }
          String readCart = prefix + "-cart-" + random.nextInt(carts);
          if (inFlight.tryAcquire()) {
            target
                .read(readCart)
                .whenComplete(
                    (ok, failure) -> {
                      inFlight.release();
                      counts.read(second, failure == null);
                      count(failures, "read", failure);
                    });
          } else {
            counts.read(second, false);
            failures.computeIfAbsent("read: too many in flight", k -> new LongAdder()).increment();
          }
        },
        delay,
        period,
        TimeUnit.MICROSECONDS);
    long end = startAtMillis + seconds * 1000L;
    Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
    ticker.shutdownNow();
    inFlight.tryAcquire(MAX_IN_FLIGHT, timeout.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
    Map<String, Set<String>> sorted = new java.util.TreeMap<>();
    acked.forEach((cart, elements) -> sorted.put(cart, new TreeSet<>(elements)));
    Map<String, Long> reasons = new java.util.TreeMap<>();
    failures.forEach((reason, count) -> reasons.put(reason, count.sum()));
    return new Outcome(side, counts.seconds(), reasons, sorted);
  }

  /**
   * A random cart with no add of this client in flight: one user does not add to one cart twice at
   * once, and a second add with the same context would only make a sibling of the first.
   */
  private String idleCart(Set<String> writing) {
    String cart = prefix + "-cart-" + random.nextInt(carts);
    for (int tries = 0; tries < 8 && writing.contains(cart); tries++) {
      cart = prefix + "-cart-" + random.nextInt(carts);
    }
    return cart;
  }

  /** Counts a failure by operation and cause: the error code, or the exception's class. */
  private static void count(Map<String, LongAdder> failures, String op, Throwable failure) {
    if (failure == null) {
      return;
    }
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String reason =
        cause instanceof RingstoreException known
            ? known.code().name()
            : cause.getClass().getSimpleName();
    failures.computeIfAbsent(op + ": " + reason, k -> new LongAdder()).increment();
  }

  static void write(Outcome outcome, Path file) throws java.io.IOException {
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), outcome);
  }
}
