package dev.ringstore.node.transfer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How this node's incoming transfers go, for its heartbeat to the config service, {@code ringstore
 * status} and metrics: the buckets still pending and done under the running transfer, the bytes
 * received, and the rate over the last few seconds.
 */
public final class TransferProgress {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(5);

  /** One moment's figures. */
  public record Snapshot(
      long version, List<Integer> done, int pending, long bytesMoved, double bytesPerSecond) {}

  private final InstantSource clock;
  private final AtomicLong bytesMoved = new AtomicLong();
  private final AtomicReference<Snapshot> last =
      new AtomicReference<>(new Snapshot(0, List.of(), 0, 0, 0));
  private Instant windowStart;
  private long windowBytes;
  private double rate;

  public TransferProgress(InstantSource clock, MeterRegistry registry) {
    this.clock = clock;
    this.windowStart = clock.instant();
    Gauge.builder("ringstore.transfer.buckets.pending", this, p -> p.snapshot().pending())
        .description("Buckets this node still has to receive in the running transfer")
        .register(registry);
    Gauge.builder("ringstore.transfer.bytes.moved", bytesMoved, AtomicLong::get)
        .description("Bytes of bucket data this node has received in transfers since it started")
        .baseUnit("bytes")
        .register(registry);
  }

  synchronized void received(long bytes) {
    bytesMoved.addAndGet(bytes);
    windowBytes += bytes;
    Instant now = clock.instant();
    Duration elapsed = Duration.between(windowStart, now);
    if (elapsed.compareTo(RATE_WINDOW) >= 0) {
      rate = windowBytes / (elapsed.toMillis() / 1000.0);
      windowStart = now;
      windowBytes = 0;
    }
  }

  synchronized void update(long version, List<Integer> done, int pending) {
    if (pending == 0) {
      rate = 0;
    }
    last.set(new Snapshot(version, List.copyOf(done), pending, bytesMoved.get(), rate));
  }

  public Snapshot snapshot() {
    return last.get();
  }
}
