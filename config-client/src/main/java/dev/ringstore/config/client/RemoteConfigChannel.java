package dev.ringstore.config.client;

import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The config service over the network: the client ports of its replicas, one connection at a time.
 * A request that cannot reach a replica, or that a replica answers UNAVAILABLE (it has no leader
 * that can commit), is tried on the next replica, each at most once per request.
 */
public final class RemoteConfigChannel implements ConfigChannel {
  private final ProtocolClient protocol;
  private final boolean ownsProtocol;
  private final List<InetSocketAddress> replicas;
  private final Duration timeout;
  private int preferred;
  private Connection connection;

  public RemoteConfigChannel(
      ProtocolClient protocol,
      boolean ownsProtocol,
      List<InetSocketAddress> replicas,
      Duration timeout) {
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("no config service address given");
    }
    this.protocol = protocol;
    this.ownsProtocol = ownsProtocol;
    this.replicas = List.copyOf(replicas);
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<ConfigReply> command(ConfigCommand command) {
    return send(Request.newBuilder().setConfigCommand(command).build(), 0, null);
  }

  @Override
  public CompletableFuture<ConfigReply> query(ConfigQuery query) {
    return send(Request.newBuilder().setConfigQuery(query).build(), 0, null);
  }

  private CompletableFuture<ConfigReply> send(Request request, int tried, Throwable last) {
    if (tried == replicas.size()) {
      return CompletableFuture.failedFuture(
          new RingstoreException(
              ErrorCode.UNAVAILABLE,
              "no config replica answered (" + replicas.size() + " tried): " + message(last)));
    }
    return connection()
        .thenCompose(c -> c.send(request, timeout))
        .thenApply(RingstoreException::requireOk)
        .thenApply(response -> response.getConfig())
        .handle(
            (reply, failure) -> {
              if (failure == null && !unavailable(reply)) {
                return CompletableFuture.completedFuture(reply);
              }
              next();
              Throwable cause =
                  failure == null
                      ? new IllegalStateException(reply.getError().getMessage())
                      : failure;
              return send(request, tried + 1, cause);
            })
        .thenCompose(f -> f);
  }

  private static boolean unavailable(ConfigReply reply) {
    return reply.hasError() && reply.getError().getCode() == ErrorCode.UNAVAILABLE;
  }

  private synchronized CompletableFuture<Connection> connection() {
    if (connection != null && connection.isOpen()) {
      return CompletableFuture.completedFuture(connection);
    }
    InetSocketAddress address = replicas.get(preferred);
    return protocol
        .connect(address, timeout)
        .thenApply(
            c -> {
              synchronized (this) {
                connection = c;
              }
              return c;
            });
  }

  private synchronized void next() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    preferred = (preferred + 1) % replicas.size();
  }

  private static String message(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause == null ? "none" : cause.getMessage();
  }

  /**
   * Closes the connection and, if owned, the protocol client. The lock is not held while closing: a
   * connect completing on an event loop takes it, and closing waits for the event loops.
   */
  @Override
  public void close() {
    Connection open;
    synchronized (this) {
      open = connection;
      connection = null;
    }
    if (open != null) {
      open.close();
    }
    if (ownsProtocol) {
      protocol.close();
    }
  }
}
