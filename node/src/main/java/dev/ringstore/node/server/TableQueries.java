package dev.ringstore.node.server;

import dev.ringstore.config.client.Routing;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.protocol.v1.RoutingState;

/**
 * A node's answer to {@code table since vK} (op 81, the config service's own query), from the
 * routing this node follows: a client that knows only seed nodes fetches the table from any of them
 * and never needs the config service's address. The reply may lag the service by a heartbeat or
 * two; each response's {@code table_version} says when to ask again. Other config queries are the
 * service's to answer.
 */
final class TableQueries {
  private final ClusterView cluster;

  TableQueries(ClusterView cluster) {
    this.cluster = cluster;
  }

  Response answer(ConfigQuery query) {
    if (query.getKindCase() != ConfigQuery.KindCase.TABLE) {
      throw new RequestRejectedException(
          ErrorCode.BAD_REQUEST, "nodes answer only table queries; ask the config service");
    }
    long since = query.getTable().getSinceVersion();
    Routing routing = cluster.routing();
    RoutingState state =
        since != 0 && since == routing.version()
            ? RoutingState.newBuilder().setVersion(since).setUnchanged(true).build()
            : routing.toProto();
    return Response.newBuilder().setConfig(ConfigReply.newBuilder().setTable(state)).build();
  }
}
