package dev.ringstore.gossip.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PhiAccrualFailureDetectorTest {
  private final ManualTime clock = new ManualTime();
  private final PhiAccrualFailureDetector detector =
      new PhiAccrualFailureDetector(PhiAccrualSettings.DEFAULTS, clock);

  private void beatEverySecond(int times) {
    for (int i = 0; i < times; i++) {
      detector.heartbeat();
      clock.millis += 1000;
    }
    detector.heartbeat();
  }

  @Test
  void anEndpointNotHeardFromYetIsNotSuspected() {
    assertThat(detector.phi()).isZero();
    assertThat(detector.isAvailable()).isTrue();
    assertThat(detector.isMonitoring()).isFalse();
  }

  @Test
  void phiGrowsWithSilence() {
    beatEverySecond(30);
    double previous = detector.phi();
    for (int second = 1; second <= 20; second++) {
      clock.millis += 1000;
      double phi = detector.phi();
      assertThat(phi).as("phi after %d s of silence", second).isGreaterThan(previous);
      previous = phi;
    }
    assertThat(detector.isAvailable()).isFalse();
    assertThat(detector.phi()).isFinite();
  }

  @Test
  void regularHeartbeatsKeepPhiLow() {
    for (int i = 0; i < 600; i++) {
      detector.heartbeat();
      clock.millis += 1000;
      assertThat(detector.phi()).as("phi just before heartbeat %d", i).isLessThan(0.01);
    }
  }

  @Test
  void atDefaultsAStoppedEndpointIsConvictedAfterMeanPlusPausePlusAboutFiveDeviations() {
    beatEverySecond(60);
    clock.millis += 6_000;
    assertThat(detector.isAvailable()).as("6 s of silence").isTrue();
    clock.millis += 1_000;
    assertThat(detector.isAvailable()).as("7 s of silence").isFalse();
  }

  @Test
  void jitteredHeartbeatsAndOccasionalLongGapsAreTolerated() {
    SplittableRandom random = new SplittableRandom(7);
    double worst = 0;
    for (int i = 0; i < 5_000; i++) {
      detector.heartbeat();
      long gap = random.nextInt(100) < 3 ? 3_000 : 600 + random.nextInt(800);
      for (long step = 0; step < gap; step += 100) {
        clock.millis += 100;
        worst = Math.max(worst, detector.phi());
      }
    }
    assertThat(worst).isLessThan(PhiAccrualSettings.THRESHOLD_DEFAULT);
  }

  @Test
  void anOutageIsNotLearnedAsANormalInterval() {
    beatEverySecond(60);
    clock.millis += 60_000; // a minute down, then back
    beatEverySecond(10);
    clock.millis += 7_000;
    assertThat(detector.isAvailable()).isFalse();
  }

  @Test
  void aLowerThresholdConvictsSooner() {
    var eager = new PhiAccrualFailureDetector(PhiAccrualSettings.DEFAULTS.withThreshold(1), clock);
    for (int i = 0; i < 30; i++) {
      eager.heartbeat();
      detector.heartbeat();
      clock.millis += 1000;
    }
    clock.millis += 4_000;
    assertThat(eager.isAvailable()).isFalse();
    assertThat(detector.isAvailable()).isTrue();
  }

  @Test
  void isAvailableAgreesWithPhiAndTheThreshold() {
    for (double threshold : new double[] {0.1, 0.3, 0.31, 1, 8, 16}) {
      var judge =
          new PhiAccrualFailureDetector(
              PhiAccrualSettings.DEFAULTS.withThreshold(threshold), clock);
      judge.heartbeat();
      for (int i = 0; i < 200; i++) {
        assertThat(judge.isAvailable())
            .as("threshold %s after %d ms", threshold, i * 50)
            .isEqualTo(judge.phi() < threshold);
        clock.millis += 50;
      }
    }
  }

  @Test
  void theWindowIsBounded() {
    ArrivalWindow window = new ArrivalWindow(100, 0, 1000);
    for (int i = 1; i <= 1_000; i++) {
      window.arrived(i * 2_000L, Duration.ofSeconds(5).toMillis());
    }
    assertThat(window.size()).isEqualTo(100);
    assertThat(window.meanMillis()).isEqualTo(2_000);
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> PhiAccrualSettings.DEFAULTS.withThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> PhiAccrualSettings.DEFAULTS.withWindowSize(1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhiAccrualSettings.DEFAULTS.withMinStdDeviation(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
