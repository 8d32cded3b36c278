package dev.ringstore.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's meters: {@code ringstore.client.requests} (latency by operation and outcome, with
 * p50/p99/p99.9), {@code ringstore.client.retries} (by operation and reason), {@code
 * ringstore.client.hedges} (second requests of hedged reads by outcome: sent, won) and {@code
 * ringstore.client.table.refreshes} (by outcome: updated, unchanged, failed).
 */
final class ClientMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  ClientMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  MeterRegistry registry() {
    return registry;
  }

  void request(String op, String outcome, Duration took) {
    timers
        .computeIfAbsent(
            op + '/' + outcome,
            k ->
                Timer.builder("ringstore.client.requests")
                    .description("Requests as the application saw them, retries included")
                    .tags("op", op, "outcome", outcome)
                    .publishPercentiles(0.5, 0.99, 0.999)
                    .register(registry))
        .record(took);
  }

  void retry(String op, String reason) {
    count("ringstore.client.retries", "Requests sent again", "op", op, "reason", reason);
  }

  /** A hedged read's second request: {@code sent}, and {@code won} when its answer was used. */
  void hedge(String op, String outcome) {
    count(
        "ringstore.client.hedges",
        "Second requests sent by hedged reads",
        "op",
        op,
        "outcome",
        outcome);
  }

  void tableRefresh(String outcome) {
    count("ringstore.client.table.refreshes", "Bucket table fetches", "outcome", outcome, "", "");
  }

  private void count(
      String name, String description, String tag1, String value1, String tag2, String value2) {
    counters
        .computeIfAbsent(
            name + '/' + value1 + '/' + value2,
            k -> {
              Counter.Builder counter =
                  Counter.builder(name).description(description).tag(tag1, value1);
              return (tag2.isEmpty() ? counter : counter.tag(tag2, value2)).register(registry);
            })
        .increment();
  }
}
