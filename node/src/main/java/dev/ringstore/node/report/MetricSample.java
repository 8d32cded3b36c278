package dev.ringstore.node.report;

import java.util.Map;

/**
 * What the node did over one 2-s step of {@code GET /api/v1/node/metrics} (docs/console.md): rates
 * per second over the step, and the coordinator's latency percentiles over the same step.
 *
 * @param atMillis when the step ended
 * @param opsPerSecond client gets, puts and deletes per second
 * @param p50Millis the median latency per operation; null for an operation with no request
 * @param p99Millis the 99th percentile per operation; null for an operation with no request
 * @param errorsPerSecond error replies per second by code, only the codes that occurred
 * @param hintsStoredPerSecond hints this node stored for unreachable replicas
 * @param hintsReplayedPerSecond hints this node delivered
 * @param repairsPerSecond keys repaired, by read repair and by anti-entropy
 */
public record MetricSample(
    long atMillis,
    Map<String, Double> opsPerSecond,
    Map<String, Double> p50Millis,
    Map<String, Double> p99Millis,
    Map<String, Double> errorsPerSecond,
    double hintsStoredPerSecond,
    double hintsReplayedPerSecond,
    double repairsPerSecond) {}
