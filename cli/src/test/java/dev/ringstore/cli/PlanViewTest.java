package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The human summaries of a plan and a commit, from the config service's JSON. */
@Timeout(10)
class PlanViewTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aJoinShowsVersionsMovesBytesZonesAndEveryNodesReplicasWithWhatItGainsAndLoses()
      throws Exception {
    JsonNode plan =
        JSON.readTree(
            "{\"change\": \"join n4\", \"against\": 1, \"version\": 2,"
                + " \"moves\": [{\"bucket\": 0, \"from\": \"n1\", \"to\": \"n4\","
                + " \"estimatedBytes\": 1000}, {\"bucket\": 1, \"from\": \"n2\", \"to\": \"n4\","
                + " \"estimatedBytes\": 2072}], \"moveCount\": 2, \"estimatedBytes\": 3072,"
                + " \"zoneViolations\": 0,"
                + " \"replicasPerNode\": {\"n1\": 3, \"n2\": 3, \"n3\": 4, \"n4\": 2}}");

    assertThat(PlanView.plan(plan).lines())
        .containsExactly(
            "planned: join n4",
            "table v1 -> v2",
            "moves: 2 bucket-replicas, about 3.0 KiB",
            "zone violations: 0",
            "NODE          REPLICAS     IN    OUT",
            "n1                   3     +0     -1",
            "n2                   3     +0     -1",
            "n3                   4     +0      0",
            "n4                   2     +2      0",
            "apply it with `ringstore commit`, or drop it with `ringstore plan cancel`");
  }

  @Test
  void theFirstTableSaysSoAndHasNoMoves() throws Exception {
    JsonNode plan =
        JSON.readTree(
            "{\"change\": \"join n1,n2\", \"against\": 0, \"version\": 1, \"moves\": [],"
                + " \"moveCount\": 0, \"estimatedBytes\": 0, \"zoneViolations\": 0,"
                + " \"replicasPerNode\": {\"n1\": 1024, \"n2\": 1024}}");

    assertThat(PlanView.plan(plan))
        .contains("table v0 -> v1 (the cluster's first table)")
        .doesNotContain("moves:");
  }

  @Test
  void aLeaveCountsTheLeaversReplicasAsGivenUp() throws Exception {
    JsonNode plan =
        JSON.readTree(
            "{\"change\": \"leave n3\", \"against\": 3, \"version\": 4,"
                + " \"moves\": [{\"bucket\": 0, \"from\": \"n3\", \"to\": \"n1\"}],"
                + " \"moveCount\": 1, \"estimatedBytes\": 10, \"zoneViolations\": 2,"
                + " \"replicasPerNode\": {\"n1\": 2}}");

    assertThat(PlanView.plan(plan))
        .contains("moves: 1 bucket-replica, about 10 B")
        .contains("zone violations: 2")
        .contains("n3                   0     +0     -1");
  }

  @Test
  void aCommitWithMovesSaysTheServiceFinishesItAndWhereToWatch() throws Exception {
    assertThat(
            PlanView.committed(
                JSON.readTree("{\"version\": 2, \"change\": \"join n4\", \"moves\": 768}")))
        .isEqualTo(
            "committed: join n4 as table v2; 768 bucket-replicas move while the cluster serves,"
                + " and the config service commits v3 once they have (`ringstore status` shows"
                + " the progress)\n");
    assertThat(
            PlanView.committed(
                JSON.readTree("{\"version\": 1, \"change\": \"join n1,n2,n3\", \"moves\": 0}")))
        .isEqualTo("committed: join n1,n2,n3 as table v1\n");
  }
}
