package dev.ringstore.node.report;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.MemberView;
import dev.ringstore.gossip.Membership;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failure detector's phi for every member over the last minute, one value per 2-s step: the
 * console draws it as a sparkline beside the member, so an operator sees whether a member drifts
 * towards the threshold or spiked once (phi accrual: Hayashibara et al. 2004). A member gossip no
 * longer knows is forgotten.
 */
public final class PhiHistory {
  static final Duration SPAN = Duration.ofSeconds(60);
  static final int MAX_POINTS = (int) (SPAN.toMillis() / MetricHistory.INTERVAL.toMillis());

  private record Point(long atMillis, double phi) {}

  private final Membership membership;
  private final InstantSource clock;
  private final Map<NodeId, Deque<Point>> points = new HashMap<>();

  public PhiHistory(Membership membership, InstantSource clock) {
    this.membership = membership;
    this.clock = clock;
  }

  /** Records every member's phi now, and forgets what is older than a minute. */
  public synchronized void sample() {
    long now = clock.millis();
    Set<NodeId> known = new HashSet<>();
    for (MemberView member : membership.members()) {
      known.add(member.id());
      Deque<Point> history = points.computeIfAbsent(member.id(), id -> new ArrayDeque<>());
      history.addLast(new Point(now, phi(member)));
      while (history.size() > MAX_POINTS
          || history.peekFirst().atMillis() <= now - SPAN.toMillis()) {
        history.removeFirst();
      }
    }
    points.keySet().retainAll(known);
  }

  /** {@code member}'s phi over the last minute, oldest first; empty for a member not sampled. */
  public synchronized List<Double> history(NodeId member) {
    Deque<Point> history = points.get(member);
    return history == null ? List.of() : history.stream().map(Point::phi).toList();
  }

  /**
   * A member's phi as JSON can carry it: the detector keeps it finite, but should it not be, the
   * largest double stands for "certainly down", as in {@code ringstore status}.
   */
  static double phi(MemberView member) {
    return Double.isFinite(member.phi()) ? member.phi() : Double.MAX_VALUE;
  }
}
