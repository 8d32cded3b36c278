package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigStatusQuery;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.NodeRole;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RoutingState;
import dev.ringstore.protocol.v1.TableQuery;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.RingSettings;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Any node answers {@code table since vK}, so a client that knows only seed nodes can route. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TableQueryTest {
  private static final UnaryOperator<NodeConfig> SMALL_RING =
      c -> c.withRing(new RingSettings(64, 3, 16));

  @Test
  void aStaticNodeAnswersWithItsTableAndEveryPeersAddress() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          BucketTable table = cluster.node("n2").node().cluster().table();
          Routing routing = Routing.fromProto(tableSince(cluster, "n2", 0));

          assertThat(routing.version()).isEqualTo(table.version());
          assertThat(routing.current()).isEqualTo(table);
          assertThat(routing.inTransfer()).isFalse();
          for (int i = 1; i <= 3; i++) {
            NodeId id = NodeId.of("n" + i);
            assertThat(routing.address(id)).contains("simulated:" + (7200 + i));
            assertThat(routing.nodes().get(id).getStatus()).isEqualTo(NodeRole.NODE_MEMBER);
          }
        });
  }

  @Test
  void aQuerySinceTheNodesVersionIsAnsweredUnchanged() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          long version = cluster.node("n1").node().cluster().table().version();
          RoutingState state = tableSince(cluster, "n1", version);
          assertThat(state.getUnchanged()).isTrue();
          assertThat(state.getVersion()).isEqualTo(version);
          assertThat(state.getCurrent().isEmpty()).isTrue();
        });
  }

  @Test
  void aNodeRefusesQueriesOnlyTheConfigServiceAnswers() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster ->
            assertThatThrownBy(
                    () ->
                        cluster
                            .client()
                            .call(
                                "n1",
                                Request.newBuilder()
                                    .setConfigQuery(
                                        ConfigQuery.newBuilder()
                                            .setStatus(ConfigStatusQuery.getDefaultInstance()))
                                    .build()))
                .isInstanceOfSatisfying(
                    RingstoreException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("nodes answer only table queries; ask the config service"));
  }

  @Test
  void aNodeFollowingTheConfigServiceAnswersWithTheCommittedTable() throws Exception {
    MiniCluster.runWithConfigService(
        3,
        SMALL_RING,
        cluster -> {
          cluster.addNode("n4");
          cluster
              .config()
              .plan(PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")).build())
              .join();
          cluster.config().commit().join();
          TransferTest.awaitTableEverywhere(cluster, 3);

          Routing served = Routing.fromProto(tableSince(cluster, "n2", 0));
          Routing service = cluster.config().tableSince(0).join().orElseThrow();
          assertThat(served.version()).isEqualTo(service.version()).isGreaterThanOrEqualTo(3);
          assertThat(served.current()).isEqualTo(service.current());
          assertThat(served.current().member(NodeId.of("n4"))).isPresent();
          assertThat(served.address(NodeId.of("n4"))).isPresent();
        });
  }

  private static RoutingState tableSince(MiniCluster cluster, String via, long since) {
    return cluster
        .client()
        .call(
            via,
            Request.newBuilder()
                .setConfigQuery(
                    ConfigQuery.newBuilder()
                        .setTable(TableQuery.newBuilder().setSinceVersion(since)))
                .build())
        .getConfig()
        .getTable();
  }
}
