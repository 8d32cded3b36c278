package dev.ringstore.testkit;

import dev.ringstore.client.ClientTransport;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Java client's transport on the simulated network: a client endpoint (named {@code client*},
 * so {@link MiniCluster#isolate} cuts it off too) that reaches the node listening at an address,
 * killed nodes refusing and partitions dropping as for any node.
 */
final class SimClientTransport implements ClientTransport {
  private final NodeId self;
  private final SimulatedNetwork network;
  private final Function<String, Optional<NodeId>> nodeAt;

  SimClientTransport(
      NodeId self, SimulatedNetwork network, Function<String, Optional<NodeId>> nodeAt) {
    this.self = self;
    this.network = network;
    this.nodeAt = nodeAt;
  }

  @Override
  public CompletableFuture<Response> send(String address, Request request, Duration wait) {
    return nodeAt
        .apply(address)
        .map(node -> network.send(self, node, request, wait))
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new RingstoreException(
                        ErrorCode.UNAVAILABLE, "cannot connect to " + address + ": unknown host")));
  }

  @Override
  public void close() {}
}
