package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request to another node and completes with its response. Fails with a {@code
 * RingstoreException} of code UNAVAILABLE when the node cannot be reached and TIMEOUT when it does
 * not answer in time; an error reply from the node completes normally (check {@code
 * Response.hasError}). Never blocks the caller. Sockets in production ({@link SocketTransport}), a
 * simulated network in the test harness.
 */
public interface ReplicaTransport extends AutoCloseable {

  CompletableFuture<Response> send(NodeId target, Request request, Duration timeout);

  @Override
  default void close() {}
}
