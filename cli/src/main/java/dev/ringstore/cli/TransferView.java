package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The running transfer as one line for people: a progress bar of the bucket-replicas copied, drawn
 * by the progressbar library into a string, with the time since the commit and an estimate of the
 * time left at the pace so far.
 */
final class TransferView {
  static final int WIDTH = 80;

  private TransferView() {}

  /**
   * The bar for a config status's {@code transfer} ({@code version}, {@code moves}, {@code done}),
   * timed from the commit of its version in the status's {@code history}.
   */
  static String line(JsonNode status, Instant now) {
    JsonNode transfer = status.path("transfer");
    long version = transfer.path("version").asLong();
    Duration elapsed = Duration.ZERO;
    for (JsonNode entry : status.path("history")) {
      if (entry.path("version").asLong() == version) {
        elapsed = Duration.between(Instant.ofEpochMilli(entry.path("atMillis").asLong()), now);
      }
    }
    return bar(
        "moves v" + version + "->v" + (version + 1),
        transfer.path("moves").asLong(),
        transfer.path("done").asLong(),
        elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  /** {@code task 33% [=====> ] 40/120 (0:00:12 / 0:00:24)}: elapsed / estimated left. */
  static String bar(String task, long total, long done, Duration elapsed) {
    AtomicReference<String> rendered = new AtomicReference<>("");
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(Math.max(1, total))
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new DelegatingProgressBarConsumer(rendered::set, WIDTH))
            .setUpdateIntervalMillis(Integer.MAX_VALUE)
            .startsFrom(0, elapsed)
            .setEtaFunction(state -> left(total, done, elapsed))
            .build();
    bar.stepTo(done);
    bar.close(); // renders the final state through the consumer, on the library's thread
    return rendered.get().stripTrailing();
  }

  private static Optional<Duration> left(long total, long done, Duration elapsed) {
    if (done <= 0 || done >= total) {
      return done >= total ? Optional.of(Duration.ZERO) : Optional.empty();
    }
    return Optional.of(elapsed.multipliedBy(total - done).dividedBy(done));
  }
}
