package dev.ringstore.node.report;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The node's last ten minutes in 2-s steps, for {@code GET /api/v1/node/metrics}: what the console
 * charts without a Prometheus server. Each {@link #sample} turns the counters' growth since the
 * previous one into rates over the time that really passed (a late timer tick stretches a step, it
 * does not inflate its rates) and takes the latencies recorded meanwhile. A sample that finds no
 * time passed is skipped, and the next covers both.
 */
public final class MetricHistory {
  /** How often the node samples. */
  public static final Duration INTERVAL = Duration.ofSeconds(2);

  static final Duration SPAN = Duration.ofMinutes(10);
  static final int MAX_SAMPLES = (int) (SPAN.toMillis() / INTERVAL.toMillis());

  private final MeterRegistry registry;
  private final RequestLatencies latencies;
  private final InstantSource clock;
  private final Deque<MetricSample> samples = new ArrayDeque<>();
  private CounterTotals last;
  private long lastMillis;

  public MetricHistory(MeterRegistry registry, RequestLatencies latencies, InstantSource clock) {
    this.registry = registry;
    this.latencies = latencies;
    this.clock = clock;
    this.last = CounterTotals.read(registry);
    this.lastMillis = clock.millis();
  }

  /** Takes one step's sample, and forgets those older than ten minutes. */
  public synchronized void sample() {
    long now = clock.millis();
    double seconds = (now - lastMillis) / 1000.0;
    if (seconds <= 0) {
      return;
    }
    CounterTotals totals = CounterTotals.read(registry);
    Map<String, Double> ops = new LinkedHashMap<>();
    Map<String, Double> p50 = new LinkedHashMap<>();
    Map<String, Double> p99 = new LinkedHashMap<>();
    for (String op : RequestLatencies.OPERATIONS) {
      Histogram histogram = latencies.interval(op);
      long count = histogram.getTotalCount();
      ops.put(op, count / seconds);
      p50.put(op, count == 0 ? null : histogram.getValueAtPercentile(50) / 1000.0);
      p99.put(op, count == 0 ? null : histogram.getValueAtPercentile(99) / 1000.0);
    }
    Map<String, Double> errors = new LinkedHashMap<>();
    totals
        .errors()
        .forEach(
            (code, count) -> {
              double grown = count - last.errors().getOrDefault(code, 0.0);
              if (grown > 0) {
                errors.put(code, grown / seconds);
              }
            });
    samples.addLast(
        new MetricSample(
            now,
            ops,
            p50,
            p99,
            errors,
            (totals.hintsStored() - last.hintsStored()) / seconds,
            (totals.hintsReplayed() - last.hintsReplayed()) / seconds,
            (totals.repairs() - last.repairs()) / seconds));
    last = totals;
    lastMillis = now;
    while (samples.size() > MAX_SAMPLES
        || samples.peekFirst().atMillis() <= now - SPAN.toMillis()) {
      samples.removeFirst();
    }
  }

  /** The samples of the last ten minutes, oldest first. */
  public synchronized List<MetricSample> samples() {
    return List.copyOf(samples);
  }
}
