package dev.ringstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RaftTimingsTest {
  private static final Duration ONE = Duration.ofSeconds(1);
  private static final Duration TWO = Duration.ofSeconds(2);

  @Test
  void defaultsElectAfterOneToTwoSecondsAndGiveUpAfterFive() {
    assertThat(RaftTimings.DEFAULT.electionTimeoutMin()).isEqualTo(ONE);
    assertThat(RaftTimings.DEFAULT.electionTimeoutMax()).isEqualTo(TWO);
    assertThat(RaftTimings.DEFAULT.commitDeadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(RaftTimings.DEFAULT.withCommitDeadline(ONE).commitDeadline()).isEqualTo(ONE);
  }

  @Test
  void rejectsAnEmptyElectionRangeAndNonPositiveDurations() {
    assertThatThrownBy(() -> new RaftTimings(TWO, ONE, ONE, ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("electionTimeoutMax");
    assertThatThrownBy(() -> new RaftTimings(ONE, ONE, ONE, ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RaftTimings(ONE, TWO, Duration.ZERO, ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> RaftTimings.DEFAULT.withCommitDeadline(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commitDeadline");
  }

  @Test
  void snapshotPolicyNeedsPositiveNumbers() {
    assertThat(SnapshotPolicy.DEFAULT.entriesBetweenSnapshots()).isEqualTo(10_000);
    assertThatThrownBy(() -> new SnapshotPolicy(0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SnapshotPolicy(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
