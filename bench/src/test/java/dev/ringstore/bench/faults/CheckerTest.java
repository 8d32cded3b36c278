package dev.ringstore.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Histories in, verdicts out: what the fault suite calls lost, invented, diverged or unbounded. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CheckerTest {
  private final Checker checker = new Checker(2);

  @Test
  void anAcknowledgedAddMissingAfterTheHealIsLost() {
    List<Op> history = List.of(Op.ok("set", "k", "a"), Op.ok("set", "k", "b"));
    Verdict verdict = checker.check(history, Map.of("k", agreed("k", "a")));
    assertThat(verdict.lost()).containsExactly(Op.ok("set", "k", "b"));
    assertThat(verdict.acked()).isEqualTo(2);
    assertThat(verdict.safe()).isFalse();
  }

  @Test
  void anIndeterminateWriteMayBePresentOrAbsentAndIsNeverLost() {
    List<Op> history = List.of(Op.info("set", "k", "a"), Op.info("set", "k", "b"));
    Verdict verdict = checker.check(history, Map.of("k", agreed("k", "a")));
    assertThat(verdict.lost()).isEmpty();
    assertThat(verdict.unexpected()).isEmpty();
    assertThat(verdict.indeterminate()).isEqualTo(2);
    assertThat(verdict.unavailablePercent()).isEqualTo(100.0);
    assertThat(verdict.safe()).isTrue();
  }

  @Test
  void aValueNoClientEverTriedToWriteIsReported() {
    List<Op> history = List.of(Op.ok("unique", "u1", "v1"));
    Verdict verdict = checker.check(history, Map.of("u1", agreed("u1", "v1", "v9")));
    assertThat(verdict.unexpected()).containsExactly("u1=v9");
    assertThat(verdict.safe()).isFalse();
  }

  @Test
  void aKeyWhoseReplicasDisagreeOrWasNeverReadFailsTheRun() {
    List<Op> history = List.of(Op.ok("unique", "u1", "v1"), Op.ok("unique", "u2", "v2"));
    Verdict verdict =
        checker.check(history, Map.of("u1", new KeyState("u1", Set.of("v1"), 1, false)));
    assertThat(verdict.divergent()).containsExactly("u1");
    assertThat(verdict.lost()).containsExactly(Op.ok("unique", "u2", "v2"));
  }

  @Test
  void moreSiblingsThanWritersBreakTheBound() {
    List<Op> history = List.of(Op.ok("register", "r", "w1"), Op.ok("register", "r", "w2"));
    Verdict verdict =
        checker.check(history, Map.of("r", new KeyState("r", Set.of("w1", "w2"), 3, true)));
    assertThat(verdict.tooManySiblings()).containsExactly("r: 3 siblings");
  }

  @Test
  void twoAcknowledgedClaimsOfOneRegisterAreCountedButKeptValuesAreNotALoss() {
    List<Op> history =
        List.of(
            Op.ok("register", "r1", "w1"),
            Op.ok("register", "r1", "w2"),
            Op.ok("register", "r2", "w1"),
            Op.fail("register", "r2", "w2"));
    Verdict verdict =
        checker.check(
            history,
            Map.of(
                "r1", new KeyState("r1", Set.of("w1", "w2"), 2, true), "r2", agreed("r2", "w1")));
    assertThat(verdict.doubleWins()).containsExactly("r1: 2 acknowledged");
    assertThat(verdict.failed()).isEqualTo(1);
    assertThat(verdict.claimsRefused()).isEqualTo(1);
    assertThat(verdict.unavailablePercent())
        .as("a claim refused because another won is the workload working, not unavailability")
        .isZero();
    assertThat(verdict.safe()).isTrue();
  }

  @Test
  void theControlPassesOnlyWhenItsCheckerSawALoss() {
    Verdict clean = checker.check(List.of(Op.ok("set", "k", "a")), Map.of("k", agreed("k", "a")));
    Verdict lossy = checker.check(List.of(Op.ok("set", "k", "a")), Map.of("k", agreed("k")));
    assertThat(new RunResult("split", true, clean, 1.0, List.of()).passed()).isFalse();
    assertThat(new RunResult("split", true, lossy, 1.0, List.of()).passed()).isTrue();
    assertThat(new RunResult("split", false, clean, 1.0, List.of()).passed()).isTrue();
    assertThat(new RunResult("split", false, clean, null, List.of()).passed()).isFalse();
    assertThat(new RunResult("split", false, clean, 61.0, List.of()).passed()).isFalse();
    assertThat(new RunResult("split", false, clean, 1.0, List.of("term 3: [c1, c2]")).passed())
        .isFalse();
  }

  private static KeyState agreed(String key, String... values) {
    return new KeyState(key, Set.of(values), values.length, true);
  }
}
