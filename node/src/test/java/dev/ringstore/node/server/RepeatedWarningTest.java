package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatedWarningTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

  @Test
  void logsTheFirstOccurrenceThenOncePerIntervalWithTheCountItDidNotLog() {
    RepeatedWarning warning = new RepeatedWarning(clock, Duration.ofMinutes(1));

    assertThat(warning.due()).isZero();
    for (int i = 0; i < 1_000; i++) {
      now.addAndGet(10);
      assertThat(warning.due()).as("within the minute").isEqualTo(-1);
    }
    now.addAndGet(Duration.ofMinutes(1).toMillis());
    assertThat(warning.due()).isEqualTo(1_000);
    assertThat(warning.due()).isEqualTo(-1);
  }
}
