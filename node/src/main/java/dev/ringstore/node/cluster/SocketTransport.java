package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The production transport: one multiplexed connection per peer (DESIGN.md), opened on first use
 * and again after it closes. A connection attempt that fails is not cached, so the next request
 * tries afresh; liveness decides how often that happens.
 */
public final class SocketTransport implements ReplicaTransport {
  /** The longest a connection attempt may take, whatever the request's timeout. */
  public static final Duration CONNECT_TIMEOUT_MAX = Duration.ofSeconds(2);

  private final ClusterView cluster;
  private final ProtocolClient client;
  private final Map<NodeId, CompletableFuture<Connection>> connections = new ConcurrentHashMap<>();

  public SocketTransport(ClusterView cluster, ProtocolLimits limits) {
    this(cluster, ProtocolClient.create(limits));
  }

  /** Connects through {@code client}, which {@link #close} closes (a borrowed group stays up). */
  public SocketTransport(ClusterView cluster, ProtocolClient client) {
    this.cluster = cluster;
    this.client = client;
  }

  @Override
  public CompletableFuture<Response> send(NodeId target, Request request, Duration timeout) {
    return connection(target, timeout).thenCompose(c -> c.send(request, timeout));
  }

  private CompletableFuture<Connection> connection(NodeId target, Duration timeout) {
    CompletableFuture<Connection> existing = connections.get(target);
    if (existing != null && (!existing.isDone() || usable(existing))) {
      return existing;
    }
    InetSocketAddress address = cluster.address(target).orElse(null);
    if (address == null) {
      return CompletableFuture.failedFuture(
          new RingstoreException(ErrorCode.UNAVAILABLE, "no address known for node " + target));
    }
    Duration connectTimeout =
        timeout.compareTo(CONNECT_TIMEOUT_MAX) < 0 ? timeout : CONNECT_TIMEOUT_MAX;
    CompletableFuture<Connection> fresh = client.connect(address, connectTimeout);
    if (existing == null
        ? connections.putIfAbsent(target, fresh) != null
        : !connections.replace(target, existing, fresh)) {
      fresh.thenAccept(Connection::close);
      return connection(target, timeout);
    }
    fresh.whenComplete(
        (connection, failure) -> {
          if (failure != null) {
            connections.remove(target, fresh);
          }
        });
    return fresh;
  }

  private static boolean usable(CompletableFuture<Connection> done) {
    return !done.isCompletedExceptionally() && done.join().isOpen();
  }

  @Override
  public void close() {
    client.close();
  }
}
