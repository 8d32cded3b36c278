package dev.ringstore.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsViewTest {
  @Test
  void theClusterLineSumsRatesAndTakesTheWorstLatencyPerInterval() throws Exception {
    JsonNode n1 =
        Snapshots.JSON.readTree(
            """
            {"samples": [
              {"atMillis": 10000, "opsPerSecond": {"get": 100, "put": 10}, "p99Millis": {"get": 2.0, "put": null},
               "errorsPerSecond": {"TIMEOUT": 1}, "hintsStoredPerSecond": 0.5},
              {"atMillis": 12000, "opsPerSecond": {"get": 50}, "p99Millis": {"get": 1.0}}]}
            """);
    JsonNode n2 =
        Snapshots.JSON.readTree(
            """
            {"samples": [
              {"atMillis": 10700, "opsPerSecond": {"get": 20, "put": 5}, "p99Millis": {"get": 7.5, "put": 3.0},
               "errorsPerSecond": {"OVERLOADED": 2}, "hintsStoredPerSecond": 1.5}]}
            """);
    ObjectNode metrics =
        MetricsView.of(
            Map.of(
                "n1", new NodeReport("n1", "a:1", n1, null),
                "n2", new NodeReport("n2", "b:1", n2, null),
                "n3", new NodeReport("n3", "c:1", null, "refused")));

    assertThat(metrics.get("nodes").get("n1")).hasSize(2);
    assertThat(metrics.get("nodes").get("n3")).isEmpty();
    JsonNode first = metrics.get("cluster").get(0);
    assertThat(first.get("atMillis").asLong()).isEqualTo(10000);
    assertThat(first.get("opsPerSecond").get("get").asDouble()).isEqualTo(120);
    assertThat(first.get("opsPerSecond").get("put").asDouble()).isEqualTo(15);
    assertThat(first.get("p99Millis").get("get").asDouble()).isEqualTo(7.5);
    assertThat(first.get("p99Millis").get("put").asDouble()).isEqualTo(3.0);
    assertThat(first.get("errorsPerSecond"))
        .isEqualTo(Snapshots.JSON.readTree("{\"TIMEOUT\": 1, \"OVERLOADED\": 2}"));
    assertThat(first.get("hintsStoredPerSecond").asDouble()).isEqualTo(2.0);
    assertThat(metrics.get("cluster").get(1).get("opsPerSecond").get("get").asDouble())
        .isEqualTo(50);
  }
}
