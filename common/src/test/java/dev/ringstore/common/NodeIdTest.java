package dev.ringstore.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NodeIdTest {
  @Test
  void idsOrderAsAnOperatorReadsThem() {
    List<NodeId> ids =
        new ArrayList<>(
            Stream.of("n10", "n2", "n1", "db-2", "db-10", "n02", "a", "n1a", "n1b")
                .map(NodeId::of)
                .toList());
    Collections.sort(ids);
    assertThat(ids.stream().map(NodeId::value))
        .containsExactly("a", "db-2", "db-10", "n1", "n1a", "n1b", "n02", "n2", "n10");
  }

  @Test
  void orderIsConsistentWithEquals() {
    assertThat(NodeId.of("n02").compareTo(NodeId.of("n2"))).isNotZero();
    assertThat(NodeId.of("n2").compareTo(NodeId.of("n2"))).isZero();
    assertThat(NodeId.of("n2")).isEqualTo(NodeId.of("n2")).isNotEqualTo(NodeId.of("n02"));
  }

  @Test
  void digitRunsCompareByValueWhateverTheirLength() {
    List<String> ordered =
        List.of("n0", "n00", "n001", "n01", "n1", "n09", "n9", "n010", "n10", "n99", "n100");
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = 0; j < ordered.size(); j++) {
        NodeId a = NodeId.of(ordered.get(i));
        NodeId b = NodeId.of(ordered.get(j));
        assertThat(Integer.signum(a.compareTo(b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.compare(i, j));
      }
    }
    assertThat(NodeId.of("a12b3").compareTo(NodeId.of("a12b03"))).isPositive();
    assertThat(NodeId.of("a012b4").compareTo(NodeId.of("a12b3"))).isPositive();
  }

  @Test
  void invalidIdsAreRejectedWithTheRule() {
    for (String bad : new String[] {"", "has space", "x".repeat(65), "n1/..", "ñ"}) {
      assertThatThrownBy(() -> NodeId.of(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid node id");
    }
  }
}
