package dev.ringstore.bench.compare;

import dev.ringstore.bench.compare.RunResult.OperationStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one run, recorded only while the measured window is open (warm-up excluded): one
 * HdrHistogram per database call kind and one for whole YCSB transactions (a read-modify-write is
 * one transaction, two calls), microseconds, up to an hour. Recording is lock-free; reading happens
 * once, after the window closes.
 */
final class PhaseRecorder {
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final Recorder transactions = new Recorder(HIGHEST_MICROS, 3);
  private final LongAdder transactionErrors = new LongAdder();
  private final Map<String, Recorder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callErrors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private volatile boolean measuring;

  void open() {
    transactions.reset();
    calls.values().forEach(Recorder::reset);
    measuring = true;
  }

  void close() {
    measuring = false;
  }

  boolean measuring() {
    return measuring;
  }

  void recordCall(String kind, long micros, boolean failed) {
    if (!measuring) {
      return;
    }
    calls.computeIfAbsent(kind, k -> new Recorder(HIGHEST_MICROS, 3)).recordValue(clamp(micros));
    if (failed) {
      callErrors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }
  }

  /**
   * Notes what a failed call answered ({@code READ NOT_FOUND}, {@code UPDATE SERVICE_UNAVAILABLE}),
   * so a run with errors says which.
   */
  void recordFailure(String kind, String status) {
    if (measuring) {
      failures.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
    }
  }

  /** Failed calls in the window by call kind and the status they answered. */
  Map<String, Long> failures() {
    Map<String, Long> counted = new TreeMap<>();
    failures.forEach((what, count) -> counted.put(what, count.sum()));
    return counted;
  }

  void recordTransaction(String kind, long micros, boolean failed) {
    if (!measuring) {
      return;
    }
    transactions.recordValue(clamp(micros));
    if (failed) {
      transactionErrors.increment();
    }
    if (kind != null) {
      recordCall(kind, micros, failed);
    }
  }

  Histogram transactionHistogram() {
    return transactions.getIntervalHistogram();
  }

  long transactionErrors() {
    return transactionErrors.sum();
  }

  Map<String, OperationStats> perCall() {
    Map<String, OperationStats> stats = new TreeMap<>();
    calls.forEach(
        (kind, recorder) -> {
          Histogram h = recorder.getIntervalHistogram();
          LongAdder errors = callErrors.get(kind);
          stats.put(
              kind,
              new OperationStats(
                  h.getTotalCount(),
                  errors == null ? 0 : errors.sum(),
                  millis(h, 50),
                  millis(h, 99),
                  millis(h, 99.9)));
        });
    return stats;
  }

  static double millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(micros, HIGHEST_MICROS));
  }
}
