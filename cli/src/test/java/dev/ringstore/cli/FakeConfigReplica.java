package dev.ringstore.cli;

import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ProtocolServer;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * An in-process stand-in for a config replica that answers every table query with one fixed routing
 * state, for tests of how client commands given {@code --config} pick their node.
 */
final class FakeConfigReplica implements AutoCloseable {
  private final ProtocolServer server;
  private final Routing routing;

  FakeConfigReplica(Routing routing) {
    this.routing = routing;
    server =
        ProtocolServer.start(
            new InetSocketAddress("127.0.0.1", 0), this::answer, ProtocolLimits.defaults());
  }

  private CompletableFuture<Response> answer(Request request) {
    if (request.getOpCase() != Request.OpCase.CONFIG_QUERY
        || !request.getConfigQuery().hasTable()) {
      throw new IllegalArgumentException("unexpected " + request);
    }
    return CompletableFuture.completedFuture(
        Response.newBuilder()
            .setConfig(ConfigReply.newBuilder().setTable(routing.toProto()))
            .build());
  }

  String hostPort() {
    return "127.0.0.1:" + server.localAddress().getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
