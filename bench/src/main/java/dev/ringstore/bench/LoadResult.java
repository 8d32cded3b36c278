package dev.ringstore.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measured phase: operations completed in the measured window, throughput, latency percentiles
 * in milliseconds (HdrHistogram, microsecond resolution) and errors by code.
 */
record LoadResult(
    String phase,
    long operations,
    double seconds,
    double opsPerSecond,
    double p50Millis,
    double p99Millis,
    double p999Millis,
    double maxMillis,
    Map<String, Long> errors) {

  static LoadResult of(String phase, Histogram micros, double seconds, Map<String, Long> errors) {
    long ops = micros.getTotalCount();
    return new LoadResult(
        phase,
        ops,
        seconds,
        ops / seconds,
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getValueAtPercentile(99.9) / 1000.0,
        micros.getMaxValue() / 1000.0,
        Map.copyOf(errors));
  }

  String line() {
    return String.format(
        "%-6s %9.0f ops/s  (%d ops in %.1f s)  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.1f ms%s",
        phase,
        opsPerSecond,
        operations,
        seconds,
        p50Millis,
        p99Millis,
        p999Millis,
        maxMillis,
        errors.isEmpty() ? "" : "  errors " + errors);
  }
}
