package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.ClusterStatus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ringstore status}'s JSON and table, with and without a config service. */
@Timeout(10)
class StatusViewTest {
  private static final List<InetSocketAddress> SERVICE =
      List.of(new InetSocketAddress("127.0.0.1", 7801));

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

  @Test
  void withAConfigServiceTheJsonAddsItsGroupEachMembersRoleAndTransferAndTheRunningTransfer()
      throws Exception {
    String json = StatusView.json(status, answered(TRANSFERRING)).toString();

    assertThat(json)
        .contains(
            "\"bytes\":90000,\"role\":\"member\",\"transfer\":{\"pendingBuckets\":12,"
                + "\"bytesMoved\":4096,\"bytesPerSecond\":2048.0}}")
        .endsWith(
            "\"tableVersion\":1,\"config\":{\"leader\":\"c2\",\"term\":4,"
                + "\"replicas\":[\"c1\",\"c2\",\"c3\"]},"
                + "\"transfer\":{\"version\":2,\"moves\":120,\"done\":40}}");
  }

  @Test
  void withoutALeaderTheLeaderIsNullAndTheTableSaysWhy() throws Exception {
    ConfigServiceStatus service =
        answered(
            "{\"error\": \"no leader within 5s\", \"config\": {\"leader\": null,"
                + " \"term\": 7, \"replicas\": [\"c1\", \"c2\", \"c3\"],"
                + " \"answeredBy\": \"c1\"}}");

    assertThat(StatusView.json(status, service).toString())
        .endsWith("\"config\":{\"leader\":null,\"term\":7,\"replicas\":[\"c1\",\"c2\",\"c3\"]}}");
    assertThat(StatusView.table(status, service, Instant.EPOCH))
        .endsWith("config service: no leader (term 7, replicas c1 c2 c3): no leader within 5s\n");
  }

  @Test
  void anUnreachableServiceIsNullInJsonAndOneWarningLineInTheTable() {
    ConfigServiceStatus service =
        new ConfigServiceStatus(
            SERVICE, null, "the config service at 127.0.0.1:7801 did not answer");

    assertThat(StatusView.json(status, service).toString()).endsWith(",\"config\":null}");
    assertThat(StatusView.table(status, service, Instant.EPOCH))
        .endsWith("\nwarning: the config service at 127.0.0.1:7801 did not answer\n");
  }

  @Test
  void theTableShowsEveryNodesRoleAndTransferAndAProgressBar() throws Exception {
    List<String> lines =
        StatusView.table(status, answered(TRANSFERRING), Instant.ofEpochMilli(13_000))
            .lines()
            .toList();

    assertThat(lines.subList(4, lines.size() - 1))
        .containsExactly(
            "",
            "config service: leader c2, term 4, replicas c1 c2 c3",
            "NODE         ROLE      TABLE  PENDING        MOVED         RATE",
            "n1           member       v2       12      4.0 KiB    2.0 KiB/s",
            "n2           joining       -        0          0 B            -");
    assertThat(lines.get(lines.size() - 1))
        .startsWith("moves v2->v3  33% [==========")
        .endsWith("]  40/120 (0:00:12 / 0:00:24)");
  }

  @Test
  void withoutAConfigServiceBothFormsStayAsTheyWere() {
    assertThat(StatusView.json(status, ConfigServiceStatus.none()))
        .isEqualTo(StatusView.json(status));
    assertThat(StatusView.table(status, ConfigServiceStatus.none(), Instant.EPOCH))
        .isEqualTo(StatusView.table(status));
  }

  private static final String TRANSFERRING =
      "{\"tableVersion\": 2, \"nodes\": [{\"id\": \"n1\", \"status\": \"member\","
          + " \"address\": \"127.0.0.1:7201\", \"keys\": 1500, \"bytes\": 90000,"
          + " \"tableVersion\": 2, \"transfer\": {\"pendingBuckets\": 12, \"bytesMoved\": 4096,"
          + " \"bytesPerSecond\": 2048.0}}, {\"id\": \"n2\", \"status\": \"joining\"}],"
          + " \"transfer\": {\"version\": 2, \"moves\": 120, \"done\": 40}, \"staged\": null,"
          + " \"history\": [{\"version\": 2, \"atMillis\": 1000, \"change\": \"join n3\","
          + " \"moves\": 120}], \"config\": {\"leader\": \"c2\", \"term\": 4,"
          + " \"replicas\": [\"c1\", \"c2\", \"c3\"], \"answeredBy\": \"c1\"}}";

  private static ConfigServiceStatus answered(String json) throws Exception {
    return new ConfigServiceStatus(SERVICE, new ObjectMapper().readTree(json), null);
  }
}
