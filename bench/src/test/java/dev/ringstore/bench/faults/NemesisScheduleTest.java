package dev.ringstore.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.bench.faults.NemesisSchedule.Window;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NemesisScheduleTest {
  @Test
  void theFullRunHasFourFaultsEachHealedWhileClientsStillWrite() {
    assertThat(NemesisSchedule.windows(130, 10, 20))
        .containsExactly(
            new Window(10, 30), new Window(40, 60), new Window(70, 90), new Window(100, 120));
  }

  @Test
  void theQuickRunHasOneFaultBetweenQuietStretches() {
    assertThat(NemesisSchedule.windows(40, 10, 20)).containsExactly(new Window(10, 30));
  }

  @Test
  void aRunTooShortForOneFaultIsRefused() {
    assertThatThrownBy(() -> NemesisSchedule.windows(39, 10, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold one fault");
  }
}
