package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a node is believed reachable. Today {@link ReachabilityTracker} learns it from request
 * failures and probes; the gossip failure detector (phi accrual) implements the same interface
 * later. A node never believes itself down.
 */
public interface Liveness {

  boolean isLive(NodeId node);

  /** Since when {@code node} has been believed down; empty while it is live. */
  Optional<Instant> downSince(NodeId node);

  /** A request to {@code node} failed to connect or timed out. */
  void reportFailure(NodeId node);

  /** {@code node} answered a request. */
  void reportSuccess(NodeId node);
}
