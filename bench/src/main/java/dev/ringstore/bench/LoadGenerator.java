package dev.ringstore.bench;

import dev.ringstore.protocol.RingstoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load over a set of targets (connections, or the token-aware client): each connection
 * runs {@code inFlight} loops, and each loop issues its next operation when the previous one
 * completes (as YCSB's client threads do). Latency is measured from send to reply, after a warm-up.
 * Updates carry the context of the key's last write, as an application that reads before it writes
 * would, so keys do not pile up siblings.
 */
final class LoadGenerator {
  private final List<BenchTarget> clients;
  private final int inFlight;
  private final int keys;
  private final byte[] value;
  private final AtomicReferenceArray<String> contexts;
  private final Executor retryExecutor;
  private final long seed;

  LoadGenerator(
      List<BenchTarget> clients,
      int inFlight,
      int keys,
      int valueBytes,
      Executor retryExecutor,
      long seed) {
    this.clients = clients;
    this.inFlight = inFlight;
    this.keys = keys;
    this.value = new byte[valueBytes];
    new SplittableRandom(seed).nextBytes(value);
    this.contexts = new AtomicReferenceArray<>(keys);
    this.retryExecutor = retryExecutor;
    this.seed = seed;
  }

  static byte[] key(int index) {
    return ("bench-" + index).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes every key once, as fast as the loops allow. */
  LoadResult preload() throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    return run(
        "load",
        Duration.ZERO,
        null,
        (client, random) -> {
          int k = next.getAndIncrement();
          if (k >= keys) {
            return null;
          }
          return put(client, k);
        });
  }

  /** Runs a workload for warm-up plus duration; only the duration is measured. */
  LoadResult run(Workload workload, Duration warmup, Duration duration)
      throws InterruptedException {
    return run(
        workload.name().toLowerCase(java.util.Locale.ROOT),
        warmup,
        duration,
        (client, random) -> {
          int k = random.nextInt(keys);
          return workload.readNext(random) ? client.get(key(k)) : put(client, k);
        });
  }

  private CompletableFuture<?> put(BenchTarget client, int k) {
    return client
        .put(key(k), value, contexts.get(k))
        .thenAccept(context -> contexts.set(k, context));
  }

  interface Step {
    /** The next operation, or null when the loop is done. */
    CompletableFuture<?> next(BenchTarget client, SplittableRandom random);
  }

  private LoadResult run(String phase, Duration warmup, Duration duration, Step step)
      throws InterruptedException {
    Histogram micros = new ConcurrentHistogram(3);
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = duration == null ? Long.MAX_VALUE : measureFrom + duration.toNanos();
    CountDownLatch done = new CountDownLatch(clients.size() * inFlight);
    SplittableRandom seeds = new SplittableRandom(seed);
    for (BenchTarget client : clients) {
      for (int i = 0; i < inFlight; i++) {
        new Loop(client, seeds.split(), step, micros, errors, measureFrom, end, done).next();
      }
    }
    done.await();
    double seconds = (Math.min(System.nanoTime(), end) - measureFrom) / 1e9;
    Map<String, Long> errorCounts = new java.util.TreeMap<>();
    errors.forEach((code, count) -> errorCounts.put(code, count.sum()));
    return LoadResult.of(phase, micros, seconds, errorCounts);
  }

  /** One closed loop: issue, wait for the reply, record, issue the next. */
  private final class Loop {
    private final BenchTarget client;
    private final SplittableRandom random;
    private final Step step;
    private final Histogram micros;
    private final Map<String, LongAdder> errors;
    private final long measureFrom;
    private final long end;
    private final CountDownLatch done;

    Loop(
        BenchTarget client,
        SplittableRandom random,
        Step step,
        Histogram micros,
        Map<String, LongAdder> errors,
        long measureFrom,
        long end,
        CountDownLatch done) {
      this.client = client;
      this.random = random;
      this.step = step;
      this.micros = micros;
      this.errors = errors;
      this.measureFrom = measureFrom;
      this.end = end;
      this.done = done;
    }

    void next() {
      long sent = System.nanoTime();
      CompletableFuture<?> op = sent >= end ? null : step.next(client, random);
      if (op == null) {
        done.countDown();
        return;
      }
      op.whenComplete(
          (ignored, failure) -> {
            long replied = System.nanoTime();
            if (sent >= measureFrom && replied <= end) {
              micros.recordValue(Math.max(1, (replied - sent) / 1000));
            }
            if (failure != null) {
              errors.computeIfAbsent(code(failure), c -> new LongAdder()).increment();
              retryExecutor.execute(this::next); // never recurse on a failure that came at once
            } else {
              next();
            }
          });
    }
  }

  private static String code(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof RingstoreException e
        ? e.code().name()
        : cause.getClass().getSimpleName();
  }
}
