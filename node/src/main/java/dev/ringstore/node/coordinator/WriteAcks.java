package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Counts one write's acknowledgements: {@link #quorum} completes once w of them (pw from primaries)
 * arrived, or fails saying how many did; {@link #settled} completes with the primaries the write
 * reached (directly or through a fallback) once every target answered or the deadline passed, which
 * is when hinted handoff looks at who is missing. The coordinator's own write counts.
 */
final class WriteAcks {
  private final Quorum quorum;
  private final CompletableFuture<Void> reached = new CompletableFuture<>();
  private final CompletableFuture<Set<NodeId>> settled = new CompletableFuture<>();
  private final Set<NodeId> covered = new HashSet<>();
  private int acks;
  private int primaryAcks;
  private int outstanding;
  private String lastFailure = "";
  private boolean sawTimeout;

  WriteAcks(Quorum quorum, NodeId coordinator, int remoteTargets) {
    this.quorum = quorum;
    this.acks = 1;
    this.primaryAcks = 1;
    this.outstanding = remoteTargets;
    covered.add(coordinator);
    decide();
  }

  CompletableFuture<Void> quorum() {
    return reached;
  }

  CompletableFuture<Set<NodeId>> settled() {
    return settled;
  }

  void acknowledged(Target target) {
    synchronized (this) {
      acks++;
      primaryAcks += target.isPrimary() ? 1 : 0;
      covered.add(target.owner());
      outstanding--;
    }
    decide();
  }

  void failed(Target target, Throwable failure) {
    synchronized (this) {
      outstanding--;
      lastFailure = "; last failure from " + target + ": " + failure.getMessage();
      sawTimeout |= failure instanceof RingstoreException e && e.code() == ErrorCode.TIMEOUT;
    }
    decide();
  }

  /** A failed target was replaced by a fallback: one more answer to wait for. */
  synchronized void replaced() {
    outstanding++;
  }

  /** Whether the quorum is still undecided (a replacement can still help). */
  boolean isOpen() {
    return !reached.isDone();
  }

  /** The request's time is up: whatever has not answered counts as missing. */
  void deadlinePassed() {
    RingstoreException timeout;
    Set<NodeId> reachedOwners;
    synchronized (this) {
      timeout = new RingstoreException(ErrorCode.TIMEOUT, "timed out: " + progress() + lastFailure);
      reachedOwners = Set.copyOf(covered);
    }
    reached.completeExceptionally(timeout);
    settled.complete(reachedOwners);
  }

  private void decide() {
    boolean met;
    boolean hopeless;
    Set<NodeId> reachedOwners = null;
    String progress;
    synchronized (this) {
      met = acks >= quorum.required() && primaryAcks >= quorum.requiredPrimaries();
      hopeless = !met && outstanding == 0;
      if (outstanding == 0) {
        reachedOwners = Set.copyOf(covered);
      }
      progress = progress() + lastFailure;
    }
    if (met) {
      reached.complete(null);
    } else if (hopeless) {
      reached.completeExceptionally(failure(progress));
    }
    if (reachedOwners != null) {
      settled.complete(reachedOwners);
    }
  }

  /** A replica that timed out makes the request a TIMEOUT; only refusals make it UNAVAILABLE. */
  private synchronized RingstoreException failure(String progress) {
    return sawTimeout
        ? new RingstoreException(ErrorCode.TIMEOUT, "timed out: " + progress)
        : new RingstoreException(ErrorCode.UNAVAILABLE, "not enough replicas: " + progress);
  }

  private String progress() {
    return acks
        + " of the "
        + quorum.required()
        + " acknowledgements needed arrived (w="
        + quorum.required()
        + ", pw="
        + quorum.requiredPrimaries()
        + ", "
        + primaryAcks
        + " from primaries)";
  }
}
