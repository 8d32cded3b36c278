package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.PingRequest;
import dev.ringstore.protocol.v1.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liveness learned from traffic until the gossip failure detector lands: a node that failed a
 * request (refused connection, timeout) is down until it answers again, and {@link #probe} pings
 * every down node so one that came back is noticed without waiting for client traffic. Cheap, but
 * it needs a failure to learn of one; gossip's phi-accrual detector replaces it.
 */
public final class ReachabilityTracker implements Liveness {
  private final NodeId self;
  private final InstantSource clock;
  private final Map<NodeId, Instant> down = new ConcurrentHashMap<>();

  public ReachabilityTracker(NodeId self, InstantSource clock) {
    this.self = self;
    this.clock = clock;
  }

  @Override
  public boolean isLive(NodeId node) {
    return !down.containsKey(node);
  }

  @Override
  public Optional<Instant> downSince(NodeId node) {
    return Optional.ofNullable(down.get(node));
  }

  @Override
  public void reportFailure(NodeId node) {
    if (!node.equals(self)) {
      down.putIfAbsent(node, clock.instant());
    }
  }

  @Override
  public void reportSuccess(NodeId node) {
    down.remove(node);
  }

  /** Pings every node believed down once; each answer marks its node live again. */
  public void probe(ReplicaTransport transport, Duration timeout) {
    Request ping =
        Request.newBuilder().setPing(PingRequest.newBuilder().setFrom(self.value())).build();
    for (NodeId node : down.keySet()) {
      transport
          .send(node, ping, timeout)
          .whenComplete(
              (response, failure) -> {
                if (failure == null && !response.hasError()) {
                  reportSuccess(node);
                }
              });
    }
  }
}
