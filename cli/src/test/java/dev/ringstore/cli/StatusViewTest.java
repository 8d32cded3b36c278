package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.ClusterStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StatusViewTest {
  private final ClusterStatus status =
      new ClusterStatus(
          "n1",
          List.of(
              new ClusterStatus.Member("n1", "up", "127.0.0.1:7201", 0.0, 3, 120, 1, 1500, 90_000),
              new ClusterStatus.Member("n2", "down", "127.0.0.1:7202", 11.734, 2, 77, 1, 0, 0)),
          1);

  @Test
  void jsonHasTheDocumentedShape() {
    assertThat(StatusView.json(status).toString())
        .isEqualTo(
            "{\"node\":\"n1\",\"members\":["
                + "{\"id\":\"n1\",\"status\":\"up\",\"address\":\"127.0.0.1:7201\",\"phi\":0.0,"
                + "\"generation\":3,\"heartbeat\":120,\"tableVersion\":1,\"keys\":1500,"
                + "\"bytes\":90000},"
                + "{\"id\":\"n2\",\"status\":\"down\",\"address\":\"127.0.0.1:7202\",\"phi\":11.73,"
                + "\"generation\":2,\"heartbeat\":77,\"tableVersion\":1,\"keys\":0,\"bytes\":0}],"
                + "\"tableVersion\":1}");
  }

  @Test
  void theTableShowsOneLinePerMemberWithItsVerdict() {
    List<String> lines = StatusView.table(status).lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("as seen by n1, table v1");
    assertThat(lines.get(3)).startsWith("n2").contains("down").contains("11.73");
  }
}
