package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Hands a client's write to a primary replica of its key when it arrived at a node that is not one,
 * as Riak does: a write must be coordinated where the key's versions are stored, so the
 * coordinator's actor numbers its events from the replica's own history. The live primaries are
 * tried in preference order; the first that answers (even with an error) has the last word.
 *
 * <p>A conditional put goes further: it is checked where it is coordinated, so every node hands it
 * to the key's first live primary, and concurrent conditional puts of one key meet under one lock.
 */
public final class Forwarder {
  private final ReplicaTransport transport;

  public Forwarder(ReplicaTransport transport) {
    this.transport = transport;
  }

  public CompletableFuture<Response> forward(Request request, ReplicaPlan plan, Duration timeout) {
    List<NodeId> candidates =
        plan.targets().stream().filter(Target::isPrimary).map(Target::node).toList();
    if (candidates.isEmpty()) {
      // Believed down is not known down: a primary marked unreachable by a request that raced its
      // start (the first put after `ringstore local`) answers now. Try them; a dead one refuses.
      candidates = List.copyOf(plan.primaries());
    }
    if (candidates.isEmpty()) {
      return CompletableFuture.failedFuture(
          new RingstoreException(
              ErrorCode.UNAVAILABLE,
              "no primary of the key ("
                  + plan.primaries()
                  + ") is reachable to coordinate the write"));
    }
    return tryFrom(request, candidates, 0, timeout);
  }

  /**
   * Hands a conditional put that reached primary {@code self} to the live primaries ahead of it, in
   * preference order; when there are none, or none of them can be reached, {@code here} coordinates
   * it. Each hop goes to a primary earlier in the list, so forwarding ends.
   */
  public CompletableFuture<Response> forwardAhead(
      Request request,
      ReplicaPlan plan,
      NodeId self,
      Duration timeout,
      Supplier<CompletableFuture<Response>> here) {
    List<NodeId> ahead = plan.livePrimariesBefore(self);
    if (ahead.isEmpty()) {
      return here.get();
    }
    return tryFrom(request, ahead, 0, timeout)
        .exceptionallyCompose(
            failure ->
                isUnreachable(Failures.unwrap(failure))
                    ? here.get()
                    : CompletableFuture.failedFuture(failure));
  }

  private CompletableFuture<Response> tryFrom(
      Request request, List<NodeId> candidates, int index, Duration timeout) {
    return transport
        .send(candidates.get(index), request, timeout)
        .exceptionallyCompose(
            failure -> {
              Throwable cause = Failures.unwrap(failure);
              if (isUnreachable(cause) && index + 1 < candidates.size()) {
                return tryFrom(request, candidates, index + 1, timeout);
              }
              return CompletableFuture.failedFuture(cause);
            });
  }

  private static boolean isUnreachable(Throwable cause) {
    return cause instanceof RingstoreException e && e.code() == ErrorCode.UNAVAILABLE;
  }
}
