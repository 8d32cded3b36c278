package dev.ringstore.node.server;

import dev.ringstore.node.report.RequestLatencies;
import dev.ringstore.protocol.v1.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The node's request metrics: a latency timer per operation and outcome with p50/p99/p99.9, errors
 * counted by code, and client requests counted by placement — whether they arrived at one of their
 * key's replicas ({@code replica}) or elsewhere ({@code other}), which shows whether clients route
 * token-aware. Exported in Prometheus form as {@code ringstore_requests_seconds}, {@code
 * ringstore_errors_total} and {@code ringstore_requests_placement_total}.
 */
public final class NodeMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private final Counter siblingWarnings;
  private final Map<String, Counter> placements = new ConcurrentHashMap<>();
  private final RequestLatencies latencies;

  public NodeMetrics(MeterRegistry registry) {
    this(registry, new RequestLatencies());
  }

  /**
   * @param latencies also fed every request's latency, for the node report's 2-s windows
   */
  public NodeMetrics(MeterRegistry registry, RequestLatencies latencies) {
    this.registry = registry;
    this.latencies = latencies;
    this.siblingWarnings =
        Counter.builder("ringstore.siblings.warnings")
            .description("Writes that left more siblings than the warning limit")
            .register(registry);
    for (String op : List.of("get", "put", "delete")) {
      for (String placement : List.of("replica", "other")) {
        placements.put(
            op + '/' + placement,
            Counter.builder("ringstore.requests.placement")
                .description(
                    "Client requests by whether they arrived at one of their key's replicas")
                .tags("op", op, "placement", placement)
                .register(registry));
      }
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Records one finished request, from {@code startedNanos} (System.nanoTime) until now. */
  void record(String op, Response response, long startedNanos) {
    String outcome =
        response == null
            ? "failed"
            : response.hasError() ? response.getError().getCode().name() : "ok";
    long nanos = System.nanoTime() - startedNanos;
    timers
        .computeIfAbsent(
            op + '/' + outcome,
            k ->
                Timer.builder("ringstore.requests")
                    .description("Requests served by this node")
                    .tags("op", op, "outcome", outcome)
                    .publishPercentiles(0.5, 0.99, 0.999)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    latencies.record(op, nanos);
    if (response != null && response.hasError()) {
      String code = response.getError().getCode().name();
      errors
          .computeIfAbsent(
              code,
              k ->
                  Counter.builder("ringstore.errors")
                      .description("Error replies by code")
                      .tag("code", code)
                      .register(registry))
          .increment();
    }
  }

  /** Counts a client get, put or delete as it arrives, before any forwarding. */
  void arrived(String op, boolean atReplica) {
    placements.get(op + '/' + (atReplica ? "replica" : "other")).increment();
  }

  void siblingWarning() {
    siblingWarnings.increment();
  }
}
