package dev.ringstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplicaIdTest {
  @Test
  void acceptsLowercaseLettersDigitsAndDashesUpTo32() {
    assertThat(ReplicaId.of("c1").value()).isEqualTo("c1");
    assertThat(ReplicaId.of("config-2").toString()).isEqualTo("config-2");
    assertThat(ReplicaId.of("a".repeat(32)).value()).hasSize(32);
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad : List.of("", "C1", "c_1", "c 1", "c.1", "a".repeat(33))) {
      assertThatThrownBy(() -> ReplicaId.of(bad))
          .as("'%s'", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid replica id");
    }
    assertThatThrownBy(() -> ReplicaId.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void sortsByText() {
    assertThat(ReplicaId.of("c1")).isLessThan(ReplicaId.of("c2"));
    assertThat(ReplicaId.of("c10")).isLessThan(ReplicaId.of("c2"));
  }
}
