package dev.ringstore.client;

import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How the client reaches a node: one request to the node listening at {@code host:port}. The
 * default is a pool of multiplexed connections per node ({@link ClientBuilder#poolSize}); tests put
 * the in-process harness's simulated network here.
 *
 * <p>A reply, even an error reply, completes the future normally: the node answered. The future
 * fails (with a {@link dev.ringstore.protocol.RingstoreException}) only when no reply came — the
 * node could not be reached, the connection closed, or {@code wait} passed — which is what sends
 * the client on to the next node.
 */
public interface ClientTransport extends AutoCloseable {

  /** Sends {@code request} to the node at {@code address} and waits up to {@code wait}. */
  CompletableFuture<Response> send(String address, Request request, Duration wait);

  /** Closes every connection; pending requests fail. */
  @Override
  void close();
}
