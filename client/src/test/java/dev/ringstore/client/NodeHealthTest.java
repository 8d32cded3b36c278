package dev.ringstore.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How long an unreachable node is tried last: the quarantine, doubled each time the node fails
 * again right after it (a silent partition), capped, and forgotten as soon as the node answers.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NodeHealthTest {
  private Instant now = Instant.parse("2026-12-02T00:00:00Z");
  private final InstantSource clock = () -> now;
  private final NodeHealth health = new NodeHealth(clock, Duration.ofSeconds(2));

  private void advance(long millis) {
    now = now.plusMillis(millis);
  }

  @Test
  void aNodeThatKeepsFailingStaysOutLongerUpToACap() {
    health.failed("n1");
    advance(1_999);
    assertThat(health.isSuspect("n1")).isTrue();
    advance(1);
    assertThat(health.isSuspect("n1")).isFalse();

    health.failed("n1"); // failed again as soon as it was tried: 4 s
    advance(3_999);
    assertThat(health.isSuspect("n1")).isTrue();
    advance(1);
    health.failed("n1"); // 8 s
    advance(8_000);
    health.failed("n1"); // 16 s, the cap
    advance(16_000);
    health.failed("n1");
    advance(15_999);
    assertThat(health.isSuspect("n1")).isTrue();
    advance(1);
    assertThat(health.isSuspect("n1")).isFalse();
  }

  @Test
  void failuresWhileSuspectDoNotLengthenTheQuarantine() {
    health.failed("n1");
    advance(1_000);
    health.failed("n1"); // a request sent before it was suspect, timing out now
    advance(1_000);
    assertThat(health.isSuspect("n1")).isFalse();
  }

  @Test
  void anAnswerTakesTheNodeBackAtOnceAndResetsTheDoubling() {
    health.failed("n1");
    advance(2_000);
    health.failed("n1");
    health.answered("n1");
    assertThat(health.isSuspect("n1")).isFalse();
    health.failed("n1");
    advance(2_000);
    assertThat(health.isSuspect("n1")).isFalse();
    assertThat(health.order(List.of("n1", "n2"))).containsExactly("n1", "n2");
  }
}
