package dev.ringstore.cli;

import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ProtocolServer;
import dev.ringstore.protocol.v1.DeleteResponse;
import dev.ringstore.protocol.v1.GetResponse;
import dev.ringstore.protocol.v1.InspectResponse;
import dev.ringstore.protocol.v1.PutResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process stand-in for a node: records every request and answers each with a canned reply.
 */
final class FakeNode implements AutoCloseable {
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final ProtocolServer server;
  private volatile InspectResponse inspect = InspectResponse.getDefaultInstance();

  FakeNode() {
    server =
        ProtocolServer.start(
            new InetSocketAddress("127.0.0.1", 0), this::answer, ProtocolLimits.defaults());
  }

  private CompletableFuture<Response> answer(Request request) {
    received.add(request);
    Response.Builder response = Response.newBuilder();
    switch (request.getOpCase()) {
      case GET -> response.setGet(GetResponse.getDefaultInstance());
      case PUT -> response.setPut(PutResponse.getDefaultInstance());
      case DELETE -> response.setDelete(DeleteResponse.getDefaultInstance());
      case INSPECT -> response.setInspect(inspect);
      default -> throw new IllegalArgumentException("unexpected " + request.getOpCase());
    }
    return CompletableFuture.completedFuture(response.build());
  }

  void answerInspectWith(InspectResponse response) {
    inspect = response;
  }

  List<Request> received() {
    return new ArrayList<>(received);
  }

  String hostPort() {
    return "127.0.0.1:" + server.localAddress().getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
