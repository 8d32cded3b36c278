package dev.ringstore.client;

import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The real transport: per node a fixed number of connections, each multiplexing many requests
 * (request ids on the wire), used in turn. A closed or failed connection is replaced by the next
 * request that lands on its slot, so a restarted node is reconnected without a pause of its own.
 */
final class PooledTransport implements ClientTransport {
  private final ProtocolClient protocol;
  private final int poolSize;
  private final Duration connectTimeout;
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  PooledTransport(ProtocolClient protocol, int poolSize, Duration connectTimeout) {
    this.protocol = protocol;
    this.poolSize = poolSize;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public CompletableFuture<Response> send(String address, Request request, Duration wait) {
    if (closed) {
      // A retry or hedge that fires after close() must not open a connection on a stopped group.
      return CompletableFuture.failedFuture(
          new RingstoreException(ErrorCode.UNAVAILABLE, "the client is closed"));
    }
    CompletableFuture<Connection> connection;
    try {
      connection = pools.computeIfAbsent(address, Pool::new).next();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new RingstoreException(ErrorCode.BAD_REQUEST, e.getMessage(), e));
    }
    return connection.thenCompose(open -> open.send(request, wait));
  }

  @Override
  public void close() {
    closed = true;
    protocol.close();
  }

  /** The connections to one node. */
  private final class Pool {
    private final InetSocketAddress address;
    private final AtomicReferenceArray<CompletableFuture<Connection>> slots;
    private final AtomicInteger turn = new AtomicInteger();

    Pool(String hostPort) {
      this.address = parse(hostPort);
      this.slots = new AtomicReferenceArray<>(poolSize);
    }

    CompletableFuture<Connection> next() {
      int slot = Math.floorMod(turn.getAndIncrement(), poolSize);
      while (true) {
        CompletableFuture<Connection> current = slots.get(slot);
        if (current != null && usable(current)) {
          return current;
        }
        CompletableFuture<Connection> fresh = protocol.connect(address, connectTimeout);
        if (slots.compareAndSet(slot, current, fresh)) {
          return fresh;
        }
        fresh.thenAccept(Connection::close);
      }
    }

    private static boolean usable(CompletableFuture<Connection> connection) {
      if (!connection.isDone()) {
        return true;
      }
      return !connection.isCompletedExceptionally() && connection.join().isOpen();
    }
  }

  static InetSocketAddress parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
    }
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'", e);
    }
  }
}
