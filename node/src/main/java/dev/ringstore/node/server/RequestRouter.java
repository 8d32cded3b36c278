package dev.ringstore.node.server;

import dev.ringstore.node.coordinator.Failures;
import dev.ringstore.node.coordinator.ReplicaInspector;
import dev.ringstore.node.storage.StoredSetTooLargeException;
import dev.ringstore.protocol.RequestHandler;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's entry point for every request, from clients and from other nodes: dispatches by
 * operation, turns every failure into a typed error reply (never a dropped connection), stamps the
 * node's table version on the reply, and records the request's metrics.
 */
public final class RequestRouter implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(RequestRouter.class);

  private final ClientOperations client;
  private final ReplicaOperations replica;
  private final ReplicaInspector inspector;
  private final StatusOperations status;
  private final TableQueries tables;
  private final NodeServices services;
  private final NodeMetrics metrics;

  RequestRouter(
      ClientOperations client,
      ReplicaOperations replica,
      ReplicaInspector inspector,
      StatusOperations status,
      TableQueries tables,
      NodeServices services,
      NodeMetrics metrics) {
    this.client = client;
    this.replica = replica;
    this.inspector = inspector;
    this.status = status;
    this.tables = tables;
    this.services = services;
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<Response> handle(Request request) {
    long started = System.nanoTime();
    String op = request.getOpCase().name().toLowerCase(Locale.ROOT);
    CompletableFuture<Response> reply;
    try {
      reply = dispatch(request);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply
        .exceptionally(this::toError)
        .thenApply(this::stamped)
        .whenComplete((response, ignored) -> metrics.record(op, response, started));
  }

  private CompletableFuture<Response> dispatch(Request request) {
    return switch (request.getOpCase()) {
      case GET -> client.get(request.getGet());
      case PUT -> client.put(request);
      case DELETE -> client.delete(request);
      case REPLICA_GET -> replica.get(request.getReplicaGet());
      case REPLICA_PUT -> replica.put(request.getReplicaPut());
      case PING -> CompletableFuture.completedFuture(replica.ping());
      case ANTI_ENTROPY -> replica.antiEntropy(request.getAntiEntropy());
      case TRANSFER_PAGE -> replica.transferPage(request.getTransferPage());
      case INSPECT -> inspect(request);
      case GOSSIP -> CompletableFuture.completedFuture(status.gossip(request.getGossip()));
      case STATUS -> CompletableFuture.completedFuture(status.status());
      case CONFIG_QUERY ->
          CompletableFuture.completedFuture(tables.answer(request.getConfigQuery()));
      default ->
          CompletableFuture.completedFuture(
              error(ErrorCode.BAD_REQUEST, "the request names no operation this node serves"));
    };
  }

  private CompletableFuture<Response> inspect(Request request) {
    int millis = request.getInspect().getTimeoutMs();
    Duration timeout =
        millis == 0 ? services.settings().requestTimeout() : Duration.ofMillis(millis);
    if (timeout.compareTo(services.settings().maxRequestTimeout()) > 0) {
      timeout = services.settings().maxRequestTimeout();
    }
    byte[] key = request.getInspect().getKey().toByteArray();
    if (key.length == 0) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "the key must not be empty");
    }
    return inspector
        .inspect(key, timeout)
        .thenApply(inspected -> Response.newBuilder().setInspect(inspected).build());
  }

  private Response stamped(Response response) {
    return response.toBuilder().setTableVersion(services.tableVersion()).build();
  }

  private Response toError(Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof RingstoreException known) {
      return known.toResponse();
    }
    if (cause instanceof StoredSetTooLargeException tooLarge) {
      return error(ErrorCode.TOO_LARGE, tooLarge.getMessage());
    }
    log.error("request failed", cause);
    return error(ErrorCode.INTERNAL, "internal error: " + cause);
  }

  static Response error(ErrorCode code, String message) {
    return RingstoreException.errorResponse(code, message);
  }
}
