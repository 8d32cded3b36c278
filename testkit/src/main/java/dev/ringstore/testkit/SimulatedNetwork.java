package dev.ringstore.testkit;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.protocol.RequestHandler;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An in-process network between named endpoints, no sockets: each node's {@link RequestHandler} is
 * attached under its id, and every message passes the {@link NetworkRules}. A message to an
 * endpoint that is not attached (a killed node) fails at once, like a refused connection; a
 * partitioned or dropped one is never answered, so its sender times out, as over TCP. Handlers run
 * on the network's own threads, never on the sender's.
 */
public final class SimulatedNetwork implements AutoCloseable {
  private final Map<NodeId, RequestHandler> endpoints = new ConcurrentHashMap<>();
  private final NetworkRules rules = new NetworkRules();
  private final Random random;
  private final ExecutorService delivery =
      Executors.newFixedThreadPool(4, daemon("simulated-network"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("simulated-network-timer"));

  public SimulatedNetwork(long seed) {
    this.random = new Random(seed);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  void attach(NodeId node, RequestHandler handler) {
    endpoints.put(node, handler);
  }

  void detach(NodeId node) {
    endpoints.remove(node);
  }

  /** Cuts every link between the two groups, both ways. */
  public void partition(Set<NodeId> side, Set<NodeId> otherSide) {
    side.forEach(a -> otherSide.forEach(b -> rules.cut(a, b)));
  }

  /** Cuts {@code node} off from every other endpoint, clients included. */
  public void isolate(NodeId node, Set<NodeId> everyoneElse) {
    everyoneElse.forEach(other -> rules.cut(node, other));
  }

  public void drop(NodeId from, NodeId to, double probability) {
    rules.drop(from, to, probability);
  }

  public void delay(NodeId from, NodeId to, Duration delay) {
    rules.delay(from, to, delay);
  }

  /** Removes every partition, drop and delay. */
  public void heal() {
    rules.heal();
  }

  /** The transport {@code from} sends with. */
  public ReplicaTransport transportFor(NodeId from) {
    return (target, request, timeout) -> send(from, target, request, timeout);
  }

  CompletableFuture<Response> send(NodeId from, NodeId to, Request request, Duration timeout) {
    CompletableFuture<Response> reply = new CompletableFuture<>();
    var timer =
        timers.schedule(
            () ->
                reply.completeExceptionally(
                    new RingstoreException(
                        ErrorCode.TIMEOUT, "no response from " + to + " within " + timeout)),
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    reply.whenComplete((response, failure) -> timer.cancel(false));
    if (lost(from, to)) {
      return reply;
    }
    Runnable deliver = () -> deliver(from, to, request, reply);
    rules
        .delay(from, to)
        .ifPresentOrElse(
            delay ->
                timers.schedule(
                    () -> delivery.execute(deliver), delay.toNanos(), TimeUnit.NANOSECONDS),
            () -> delivery.execute(deliver));
    return reply;
  }

  private void deliver(NodeId from, NodeId to, Request request, CompletableFuture<Response> reply) {
    RequestHandler handler = endpoints.get(to);
    if (handler == null) {
      reply.completeExceptionally(
          new RingstoreException(
              ErrorCode.UNAVAILABLE, "cannot connect to " + to + ": Connection refused"));
      return;
    }
    handler
        .handle(request)
        .whenComplete(
            (response, failure) -> {
              if (lost(to, from)) {
                return;
              }
              if (failure != null) {
                reply.completeExceptionally(failure);
              } else {
                reply.complete(response);
              }
            });
  }

  private boolean lost(NodeId from, NodeId to) {
    if (rules.isCut(from, to)) {
      return true;
    }
    double rate = rules.dropRate(from, to);
    if (rate <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < rate;
    }
  }

  @Override
  public void close() {
    delivery.shutdownNow();
    timers.shutdownNow();
  }
}
