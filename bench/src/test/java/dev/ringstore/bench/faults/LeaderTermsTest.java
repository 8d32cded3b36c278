package dev.ringstore.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LeaderTermsTest {
  private static final String LINE =
      "12:00:01.123 INFO  RaftServer$Division - %s@group-6A1C2E3F4B5D: changes role from CANDIDATE"
          + " to    LEADER at term %d for changeToLeader\n";

  @Test
  void oneLeaderPerTermIsNoViolationAndTheHighestTermsLeaderIsCurrent() {
    LeaderTerms terms =
        LeaderTerms.parse(
            String.format(LINE, "c1", 1)
                + "c1@group-6A1C2E3F4B5D: changes role from LEADER to FOLLOWER at term 2 for x\n"
                + String.format(LINE, "c3", 2));
    assertThat(terms.violations()).isEmpty();
    assertThat(terms.terms()).isEqualTo(2);
    assertThat(terms.currentLeader()).contains("c3");
  }

  @Test
  void twoReplicasLeadingOneTermIsAViolation() {
    LeaderTerms terms =
        LeaderTerms.parse(String.format(LINE, "c1", 4) + String.format(LINE, "c2", 4));
    assertThat(terms.violations()).containsExactly("term 4: [c1, c2]");
  }
}
