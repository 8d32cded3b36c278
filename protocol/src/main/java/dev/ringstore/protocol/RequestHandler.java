package dev.ringstore.protocol;

import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link ProtocolServer} does with each request: the node implements it.
 *
 * <p>{@link #handle} is called on a Netty event loop and must return promptly: blocking work
 * (storage, waiting for replicas) belongs on the node's own executors, with the future completed
 * from there. Requests on one connection are handed over concurrently, up to the connection's
 * in-flight bound, and their responses are written in completion order.
 *
 * <p>A future that completes exceptionally with a {@link RingstoreException} is answered with that
 * exception's code; any other failure, a {@code null} future or response, or an exception thrown
 * from {@code handle} itself, is answered with {@code INTERNAL}. The connection stays open either
 * way.
 */
@FunctionalInterface
public interface RequestHandler {

  /** Starts handling {@code request}; the future completes with its response. */
  CompletableFuture<Response> handle(Request request);
}
