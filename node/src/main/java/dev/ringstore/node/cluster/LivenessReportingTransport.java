package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Tells {@link Liveness} what every request learned: an answer (even an error reply) means the node
 * is up; a refused connection or a timeout means it may be down.
 */
public final class LivenessReportingTransport implements ReplicaTransport {
  private final ReplicaTransport transport;
  private final Liveness liveness;

  public LivenessReportingTransport(ReplicaTransport transport, Liveness liveness) {
    this.transport = transport;
    this.liveness = liveness;
  }

  @Override
  public CompletableFuture<Response> send(NodeId target, Request request, Duration timeout) {
    return transport
        .send(target, request, timeout)
        .whenComplete(
            (response, failure) -> {
              if (failure == null) {
                liveness.reportSuccess(target);
              } else if (unreachable(failure)) {
                liveness.reportFailure(target);
              }
            });
  }

  private static boolean unreachable(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return !(cause instanceof RingstoreException e)
        || e.code() == ErrorCode.UNAVAILABLE
        || e.code() == ErrorCode.TIMEOUT;
  }

  @Override
  public void close() {
    transport.close();
  }
}
