package dev.ringstore.gossip.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a member's heartbeats did before it stopped (a slow start, a partition, bursts), the
 * detector convicts it within a bound set by the settings alone ({@link
 * PhiAccrualSettings#maxSampleInterval()}): no history can make a dead member look alive for ever.
 * Without the cap on learned intervals, a history of long gaps would.
 */
class PhiAccrualProperties {

  @Property(tries = 500)
  void aSilentMemberIsConvictedWithinTheBoundWhateverItsHistory(
      @ForAll @Size(min = 0, max = 300) List<@IntRange(min = 0, max = 60_000) Integer> intervals) {
    ManualTime clock = new ManualTime();
    PhiAccrualSettings settings = PhiAccrualSettings.DEFAULTS;
    PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(settings, clock);
    detector.heartbeat();
    for (int interval : intervals) {
      clock.millis += interval;
      detector.heartbeat();
    }

    // 3.2 x maxSampleInterval + acceptablePause: 19 s at the defaults (PhiAccrualSettings).
    long bound =
        (long) (3.2 * settings.maxSampleInterval().toMillis())
            + settings.acceptablePause().toMillis();
    clock.millis += bound;

    assertThat(detector.isAvailable())
        .as("available %d ms after the last of %s (phi %.2f)", bound, intervals, detector.phi())
        .isFalse();
  }
}
