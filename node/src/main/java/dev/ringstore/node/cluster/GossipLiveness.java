package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.MemberView;
import dev.ringstore.gossip.Membership;
import dev.ringstore.gossip.MembershipListener;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liveness from gossip's phi-accrual failure detector, sharpened by what requests learn: a node is
 * live when gossip does not judge it down and no request to it has failed since it last answered.
 * Gossip notices a dead node within seconds without any traffic; a refused connection notices it at
 * once. A member gossip has not heard of yet counts as live, so a node that just started does not
 * treat its whole cluster as down.
 */
public final class GossipLiveness implements Liveness {
  private final ReachabilityTracker requests;
  private final Map<NodeId, Instant> downByGossip = new ConcurrentHashMap<>();

  public GossipLiveness(Membership membership, ReachabilityTracker requests, InstantSource clock) {
    this.requests = requests;
    membership.addListener(
        new MembershipListener() {
          @Override
          public void onDown(MemberView member) {
            downByGossip.putIfAbsent(member.id(), clock.instant());
          }

          @Override
          public void onUp(MemberView member) {
            downByGossip.remove(member.id());
          }

          @Override
          public void onRestarted(MemberView member) {
            downByGossip.remove(member.id());
          }
        });
  }

  /**
   * Read on every request for every replica, so it reads only what the listeners keep: no lock and
   * no phi computation on the request path. Gossip's verdicts change once per round anyway.
   */
  @Override
  public boolean isLive(NodeId node) {
    return !downByGossip.containsKey(node) && requests.isLive(node);
  }

  @Override
  public Optional<Instant> downSince(NodeId node) {
    Optional<Instant> byGossip = Optional.ofNullable(downByGossip.get(node));
    Optional<Instant> byRequests = requests.downSince(node);
    if (byGossip.isPresent() && byRequests.isPresent()) {
      return Optional.of(
          byGossip.get().isBefore(byRequests.get()) ? byGossip.get() : byRequests.get());
    }
    return byGossip.isPresent() ? byGossip : byRequests;
  }

  @Override
  public void reportFailure(NodeId node) {
    requests.reportFailure(node);
  }

  @Override
  public void reportSuccess(NodeId node) {
    requests.reportSuccess(node);
  }

  /** The request-failure half, which the probe loop pings. */
  public ReachabilityTracker requests() {
    return requests;
  }
}
