package dev.ringstore.node.coordinator;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Coordinates a get on any node, in three steps: plan the targets, ask them all in parallel and
 * answer with the DVV sync of the first r replies (siblings and context), then — once every target
 * answered or the deadline passed — read repair: send the sync of all replies to each replica whose
 * answer was stale or missing (Dynamo §4.6, Riak's read repair). Repair is asynchronous: the
 * client's reply never waits for it.
 */
public final class ReadCoordinator {
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
    ReadReplies replies = new ReadReplies(quorum, plan.targets().size());
    for (Target target : plan.targets()) {
      replicas
          .read(target, bucket, key, quorum.timeout())
          .whenComplete(
              (set, failure) -> {
                if (failure == null) {
                  replies.replied(target, set);
                } else {
                  replies.failed(target, Failures.unwrap(failure));
                }
              });
    }
    if (!replies.settled().isDone()) {
      var deadline = timer.schedule(replies::deadlinePassed, quorum.timeout());
      replies.settled().whenComplete((all, failure) -> deadline.cancel());
    }
    replies.settled().thenAccept(all -> repairStale(bucket, key, all, quorum));
    return replies.quorum();
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
