package dev.ringstore.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.InspectResult;
import dev.ringstore.client.ReplicaView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplicaAgreementTest {
  @Test
  void replicasHoldingTheSameSiblingsUnderTheSameContextAgree() {
    KeyState state =
        ReplicaAgreement.of(
            "k", false, inspect(replica("n1", "ctx", "a", "b"), replica("n2", "ctx", "b", "a")));
    assertThat(state.agreed()).isTrue();
    assertThat(state.values()).containsExactlyInAnyOrder("a", "b");
    assertThat(state.siblings()).isEqualTo(2);
  }

  @Test
  void aReplicaBehindOrUnreachableIsDisagreementButItsValuesStillCount() {
    KeyState behind =
        ReplicaAgreement.of(
            "k", false, inspect(replica("n1", "c2", "a", "b"), replica("n2", "c1", "a")));
    assertThat(behind.agreed()).isFalse();
    assertThat(behind.values()).containsExactlyInAnyOrder("a", "b");
    KeyState unreachable =
        ReplicaAgreement.of(
            "k",
            false,
            inspect(
                replica("n1", "c", "a"),
                new ReplicaView("n2", false, false, List.of(), List.of(), "", "", "timed out")));
    assertThat(unreachable.agreed()).isFalse();
  }

  @Test
  void aSetKeysSiblingsOpenIntoTheirElementsWithoutTheTimestamp() {
    KeyState state =
        ReplicaAgreement.of(
            "k", true, inspect(replica("n1", "c", "[\"w1-0\",\"~t=17\"]", "[\"w2-0\"]")));
    assertThat(state.values()).containsExactlyInAnyOrder("w1-0", "w2-0");
  }

  private static InspectResult inspect(ReplicaView... replicas) {
    return new InspectResult(7, List.of("n1", "n2", "n3"), List.of(replicas));
  }

  private static ReplicaView replica(String node, String context, String... values) {
    return new ReplicaView(
        node,
        true,
        values.length > 0,
        java.util.Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList(),
        java.util.Arrays.stream(values).map(v -> (long) v.length()).toList(),
        context,
        "",
        "");
  }
}
