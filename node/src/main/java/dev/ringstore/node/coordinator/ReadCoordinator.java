package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Coordinates a get on any node, in three steps: plan the targets, ask r of them in parallel — this
 * node first when it holds a copy, then primaries before fallbacks — and answer with the DVV sync
 * of their replies (siblings and context); a target that fails is replaced by the next one not
 * asked yet (Cassandra's reads at a consistency level, with its retry). Then, once every asked
 * target answered or the deadline passed, read repair: the sync of all replies goes to each replica
 * whose answer was stale (Dynamo §4.6). Replicas not asked are left to hinted handoff and
 * anti-entropy: asking all n for every read costs n−r extra round trips and decodes per read to
 * repair what the Merkle exchanges repair anyway. Repair is asynchronous: the client's reply never
 * waits for it.
 */
public final class ReadCoordinator {
  /** How long the first r targets have before one more is asked. */
  static final Duration SPECULATE_AFTER = Duration.ofMillis(100);

  private final ReplicaPlanner planner;
  private final Replicas replicas;
  private final ReadRepair repair;
  private final DeadlineTimer timer;

  public ReadCoordinator(
      ReplicaPlanner planner, Replicas replicas, ReadRepair repair, DeadlineTimer timer) {
    this.planner = planner;
    this.replicas = replicas;
    this.repair = repair;
    this.timer = timer;
  }

  public CompletableFuture<DottedVersionVectorSet> read(int bucket, byte[] key, Quorum quorum) {
    ReplicaPlan plan = planner.plan(bucket, quorum);
    checkFeasible(plan, quorum);
    Deque<Target> order = readOrder(plan, replicas.self());
    int first = Math.min(order.size(), Math.max(1, quorum.required()));
    ReadReplies replies = new ReadReplies(quorum, first);
    for (int i = 0; i < first; i++) {
      ask(order.pollFirst(), bucket, key, quorum, replies, order);
    }
    if (!order.isEmpty() && replies.isOpen()) {
      var speculate =
          timer.schedule(
              () -> askAnother(bucket, key, quorum, replies, order), speculateAfter(quorum));
      replies.quorum().whenComplete((set, failure) -> speculate.cancel());
    }
    if (!replies.settled().isDone()) {
      var deadline = timer.schedule(replies::deadlinePassed, quorum.timeout());
      replies.settled().whenComplete((all, failure) -> deadline.cancel());
    }
    replies.settled().thenAccept(all -> repairStale(bucket, key, all, quorum));
    return replies.quorum();
  }

  /**
   * When the replies are late, one more target is asked (Cassandra's speculative retry): a replica
   * that is partitioned away but not yet suspected then costs a read this delay, not its timeout.
   */
  static Duration speculateAfter(Quorum quorum) {
    return SPECULATE_AFTER.compareTo(quorum.timeout()) < 0 ? SPECULATE_AFTER : quorum.timeout();
  }

  private void askAnother(
      int bucket, byte[] key, Quorum quorum, ReadReplies replies, Deque<Target> unasked) {
    Target next;
    synchronized (unasked) {
      next = replies.isOpen() ? unasked.pollFirst() : null;
    }
    if (next != null) {
      replies.replaced();
      ask(next, bucket, key, quorum, replies, unasked);
    }
  }

  /** This node first (its copy costs no round trip), then primaries, then fallbacks. */
  private static Deque<Target> readOrder(ReplicaPlan plan, NodeId self) {
    Deque<Target> order = new ArrayDeque<>(plan.targets().size());
    plan.targets().stream().filter(t -> t.node().equals(self)).forEach(order::add);
    plan.targets().stream()
        .filter(t -> !t.node().equals(self) && t.isPrimary())
        .forEach(order::add);
    plan.targets().stream()
        .filter(t -> !t.node().equals(self) && !t.isPrimary())
        .forEach(order::add);
    return order;
  }

  /** Asks one target; when it fails and a target is left unasked, that one is asked instead. */
  private void ask(
      Target target,
      int bucket,
      byte[] key,
      Quorum quorum,
      ReadReplies replies,
      Deque<Target> unasked) {
    replicas
        .read(target, bucket, key, quorum.timeout())
        .whenComplete(
            (set, failure) -> {
              if (failure == null) {
                replies.replied(target, set);
                return;
              }
              askAnother(bucket, key, quorum, replies, unasked);
              replies.failed(target, Failures.unwrap(failure));
            });
  }

  private static void checkFeasible(ReplicaPlan plan, Quorum quorum) {
    if (plan.livePrimaries() < quorum.requiredPrimaries()
        || plan.targets().size() < quorum.required()) {
      throw new RingstoreException(
          ErrorCode.UNAVAILABLE,
          "r="
              + quorum.required()
              + ", pr="
              + quorum.requiredPrimaries()
              + " cannot be met: "
              + plan.livePrimaries()
              + " of the primaries "
              + plan.primaries()
              + " and "
              + (plan.targets().size() - plan.livePrimaries())
              + " fallbacks are reachable");
    }
  }

  private void repairStale(
      int bucket, byte[] key, Map<Target, DottedVersionVectorSet> all, Quorum quorum) {
    DottedVersionVectorSet merged =
        all.values().stream().reduce(DottedVersionVectorSet.empty(), DottedVersionVectorSet::sync);
    all.forEach(
        (target, set) -> {
          if (!set.equals(merged)) {
            repair.repair(target, bucket, key, merged, quorum.timeout());
          }
        });
  }
}
