package dev.ringstore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The limits' defaults, their {@code with} methods, and values that make no sense. */
@Timeout(10)
class ProtocolLimitsTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    ProtocolLimits limits = ProtocolLimits.defaults();
    assertThat(limits.maxConnections()).isEqualTo(4096);
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(limits.maxBytesInFlightPerConnection()).isEqualTo(64L * 1024 * 1024);
    assertThat(limits.maxInFlightPerConnection()).isEqualTo(1024);
    assertThat(limits.maxFrameBytes()).isEqualTo(9 * 1024 * 1024);
  }

  @Test
  void eachWithChangesOnlyItsOwnLimit() {
    ProtocolLimits limits =
        ProtocolLimits.defaults()
            .withMaxConnections(7)
            .withIdleTimeout(Duration.ofSeconds(3))
            .withMaxBytesInFlightPerConnection(1000)
            .withMaxInFlightPerConnection(5)
            .withMaxFrameBytes(100);
    assertThat(limits).isEqualTo(new ProtocolLimits(100, 5, 7, Duration.ofSeconds(3), 1000));
  }

  @Test
  void limitsThatWouldStopEverythingAreRejected() {
    ProtocolLimits limits = ProtocolLimits.defaults();
    assertThatThrownBy(() -> limits.withMaxConnections(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limits.withIdleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limits.withMaxBytesInFlightPerConnection(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
