package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.handoff.HintedHandoff;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Coordinates a put or delete on a primary replica of its key, in four steps (Dynamo §4.5,
 * Voldemort's pipeline): plan the targets, apply the write locally with this node's actor, send the
 * resulting set to the other targets in parallel and answer after w acknowledgements, then hint
 * every primary the write did not reach. While the bucket is in transfer its incoming owners are
 * targets too, and each adds one to the acknowledgements needed (Cassandra's pending ranges), so a
 * read of the new owners after the switch still overlaps the write. Late acknowledgements still
 * land; a TIMEOUT or UNAVAILABLE reply says how many arrived, and the write may have been applied
 * where it did.
 */
public final class WriteCoordinator {
  private final ReplicaPlanner planner;
  private final Replicas replicas;
  private final HintedHandoff handoff;
  private final DeadlineTimer timer;

  public WriteCoordinator(
      ReplicaPlanner planner, Replicas replicas, HintedHandoff handoff, DeadlineTimer timer) {
    this.planner = planner;
    this.replicas = replicas;
    this.handoff = handoff;
    this.timer = timer;
  }

  /**
   * Writes {@code change} to {@code key} and its replicas; completes with the set stored here once
   * the quorum is met. The caller has checked that this node is one of the key's n primaries.
   */
  public CompletableFuture<DottedVersionVectorSet> write(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change, Quorum quorum) {
    return write(bucket, key, key.length, change, quorum);
  }

  /**
   * {@link #write(int, byte[], UnaryOperator, Quorum)}, charging {@code payloadBytes} (the
   * request's size) to the node's storage byte budget while the local write waits.
   */
  public CompletableFuture<DottedVersionVectorSet> write(
      int bucket,
      byte[] key,
      long payloadBytes,
      UnaryOperator<DottedVersionVectorSet> change,
      Quorum quorum) {
    ReplicaPlan plan = planner.plan(bucket, quorum);
    checkFeasible(plan, quorum);
    Quorum effective = quorum.plusRequired(plan.incoming().size());
    return replicas
        .local()
        .coordinate(bucket, key, payloadBytes, change)
        .thenCompose(stored -> replicate(plan, effective, key, stored).thenApply(done -> stored));
  }

  /** Fails before writing anything when too few replicas are believed reachable. */
  private static void checkFeasible(ReplicaPlan plan, Quorum quorum) {
    if (plan.livePrimaries() < quorum.requiredPrimaries()) {
      throw new RingstoreException(
          ErrorCode.UNAVAILABLE,
          "pw="
              + quorum.requiredPrimaries()
              + " needs that many primaries, but only "
              + plan.livePrimaries()
              + " of "
              + plan.primaries()
              + " are reachable");
    }
    if (plan.targets().size() < quorum.required()) {
      throw new RingstoreException(
          ErrorCode.UNAVAILABLE,
          "w="
              + quorum.required()
              + " needs that many replicas, but only "
              + plan.targets().size()
              + " are reachable (primaries "
              + plan.primaries()
              + (quorum.sloppy() ? ", no fallback left)" : ", sloppy quorum off)"));
    }
  }

  private CompletableFuture<Void> replicate(
      ReplicaPlan plan, Quorum quorum, byte[] key, DottedVersionVectorSet stored) {
    var others =
        Stream.concat(plan.targets().stream(), plan.incoming().stream().map(Target::incoming))
            .filter(t -> !t.node().equals(replicas.self()))
            .toList();
    WriteAcks acks = new WriteAcks(quorum, replicas.self(), others.size());
    Deque<NodeId> spares = new ArrayDeque<>(plan.spares());
    others.forEach(target -> send(target, plan.bucket(), key, stored, quorum, acks, spares));
    if (!acks.settled().isDone()) {
      var deadline = timer.schedule(acks::deadlinePassed, quorum.timeout());
      acks.settled().whenComplete((reached, failure) -> deadline.cancel());
    }
    acks.settled()
        .thenAccept(
            reached ->
                Stream.concat(plan.primaries().stream(), plan.incoming().stream())
                    .filter(owner -> !reached.contains(owner))
                    .forEach(missing -> handoff.keep(missing, plan.bucket(), key, stored)));
    return acks.quorum();
  }

  /**
   * Sends to one target. When it fails (a refused connection, typically: the node died since
   * liveness last heard of it) and a spare fallback is left, the write goes there instead, as a
   * hint for the same owner: Dynamo's walk down the preference list.
   */
  private void send(
      Target target,
      int bucket,
      byte[] key,
      DottedVersionVectorSet stored,
      Quorum quorum,
      WriteAcks acks,
      Deque<NodeId> spares) {
    replicas
        .write(target, bucket, key, stored, quorum.timeout())
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                acks.acknowledged(target);
                return;
              }
              NodeId spare;
              synchronized (spares) {
                spare = acks.isOpen() ? spares.pollFirst() : null;
              }
              if (spare == null) {
                acks.failed(target, Failures.unwrap(failure));
              } else {
                acks.replaced();
                send(
                    Target.fallback(spare, target.owner()),
                    bucket,
                    key,
                    stored,
                    quorum,
                    acks,
                    spares);
                acks.failed(target, Failures.unwrap(failure));
              }
            });
  }
}
