package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.coordinator.Target;
import dev.ringstore.ring.Member;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node that left the cluster does with its hints before it exits: each queue goes to its
 * target if that is live, else to the first live member (in id order) that takes it, as hint merges
 * that the member then holds, bounds and replays like its own. Unpaced, bounded by the leave
 * timeout; whatever could not be handed on is logged with its count and lost with the node.
 */
public final class LeaveHandoff {
  private static final Logger log = LoggerFactory.getLogger(LeaveHandoff.class);

  private final HeldHints hints;
  private final HintReplayer replayer;
  private final HintSweeper sweeper;
  private final ClusterView cluster;
  private final Liveness liveness;
  private final HintSettings settings;
  private final InstantSource clock;

  public LeaveHandoff(
      HeldHints hints,
      HintReplayer replayer,
      HintSweeper sweeper,
      ClusterView cluster,
      Liveness liveness,
      HintSettings settings,
      InstantSource clock) {
    this.hints = hints;
    this.replayer = replayer;
    this.sweeper = sweeper;
    this.cluster = cluster;
    this.liveness = liveness;
    this.settings = settings;
    this.clock = clock;
  }

  /** Hands every queue on, on the calling thread; returns how many hints are left here. */
  public long handOff() {
    Instant deadline = clock.instant().plus(settings.leaveTimeout());
    sweeper.dropRemoved();
    for (NodeId target : hints.targets()) {
      boolean done =
          liveness.isLive(target) && replayer.send(target, Target.primary(target), false, deadline);
      for (NodeId peer : peers(target)) {
        if (done || !clock.instant().isBefore(deadline)) {
          break;
        }
        done = replayer.send(target, Target.fallback(peer, target), false, deadline);
      }
    }
    long left = hints.targets().stream().mapToLong(hints::held).sum();
    if (left > 0) {
      log.warn(
          "leaving with {} hints not handed on (targets and peers unreachable or refusing, or"
              + " the leave timeout {} passed); anti-entropy repairs their replicas",
          left,
          settings.leaveTimeout());
    } else {
      log.info("every hint this node held was delivered or handed on");
    }
    return left;
  }

  /** The live members, other than this node and {@code target}, in id order. */
  private List<NodeId> peers(NodeId target) {
    return cluster.table().members().stream()
        .map(Member::id)
        .filter(id -> !id.equals(cluster.self()) && !id.equals(target))
        .filter(liveness::isLive)
        .sorted()
        .toList();
  }
}
