package dev.ringstore.node.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of the client operations this node coordinates, cut into the node report's 2-s
 * windows. Micrometer's {@code ringstore.requests} timer publishes percentiles over its own
 * decaying window, which cannot be cut at the report's steps; an HdrHistogram {@link Recorder} per
 * operation can: each sample takes the histogram recorded since the last one and the recorder
 * starts afresh, and recording never takes a lock, so the request path pays a few atomic adds.
 */
public final class RequestLatencies {
  /** The client operations the report shows, in the order it shows them. */
  public static final List<String> OPERATIONS = List.of("get", "put", "delete");

  private static final int SIGNIFICANT_DIGITS = 3;

  private final Map<String, Recorder> recorders = new LinkedHashMap<>();
  private final Map<String, Histogram> recycled = new LinkedHashMap<>();

  public RequestLatencies() {
    for (String op : OPERATIONS) {
      recorders.put(op, new Recorder(SIGNIFICANT_DIGITS));
    }
  }

  /**
   * Records one finished request of {@code op} that took {@code nanos}; operations other than get,
   * put and delete (replica traffic, gossip, status) are not the client's latency and are ignored.
   */
  public void record(String op, long nanos) {
    Recorder recorder = recorders.get(op);
    if (recorder != null) {
      recorder.recordValue(Math.max(0, nanos / 1_000));
    }
  }

  /**
   * The latencies of {@code op}, in microseconds, recorded since the previous call for it. The
   * recorder reuses the histogram at the next call for {@code op}: read it before then.
   */
  synchronized Histogram interval(String op) {
    Histogram histogram = recorders.get(op).getIntervalHistogram(recycled.get(op));
    recycled.put(op, histogram);
    return histogram;
  }
}
