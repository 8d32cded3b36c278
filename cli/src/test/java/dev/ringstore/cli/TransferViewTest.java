package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transfer's progress bar: drawn by the library, timed from the commit, within 80 columns. */
@Timeout(30)
class TransferViewTest {
  @Test
  void theBarShowsThePercentageTheMovesAndTheTimeLeftAtThePaceSoFar() {
    String bar = TransferView.bar("moves v2->v3", 120, 40, Duration.ofSeconds(12));

    assertThat(bar)
        .startsWith("moves v2->v3  33%")
        .contains("[===")
        .contains(" 40/120 ")
        .endsWith("(0:00:12 / 0:00:24)");
    assertThat(bar.length()).isLessThanOrEqualTo(TransferView.WIDTH);
  }

  @Test
  void beforeTheFirstMoveTheTimeLeftIsUnknown() {
    String bar = TransferView.bar("moves v2->v3", 768, 0, Duration.ofSeconds(3));

    assertThat(bar).contains("  0%").contains(" 0/768 ").endsWith("(0:00:03 / ?)");
  }

  @Test
  void theElapsedTimeRunsFromTheCommitOfTheTransferVersion() throws Exception {
    var status =
        new ObjectMapper()
            .readTree(
                "{\"transfer\": {\"version\": 2, \"moves\": 10, \"done\": 5},"
                    + " \"history\": [{\"version\": 1, \"atMillis\": 1000},"
                    + " {\"version\": 2, \"atMillis\": 61000}]}");

    String line = TransferView.line(status, Instant.ofEpochMilli(121_000));

    assertThat(line).startsWith("moves v2->v3  50%").endsWith("5/10 (0:01:00 / 0:01:00)");
  }
}
