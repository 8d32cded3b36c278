package dev.ringstore.node.coordinator;

import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects one read's replies: {@link #quorum} completes with the DVV sync of the first r replies
 * (pr of them from primaries), or fails saying how many arrived; {@link #settled} completes with
 * every reply once all targets answered or the deadline passed, for read repair. A replica that
 * does not hold the key answers with an empty set, and that answer counts toward r (Riak's {@code
 * notfound_ok}): a key that is truly absent is reported absent as quickly as it is found.
 */
final class ReadReplies {
  private final Quorum quorum;
  private final CompletableFuture<DottedVersionVectorSet> reached = new CompletableFuture<>();
  private final CompletableFuture<Map<Target, DottedVersionVectorSet>> settled =
      new CompletableFuture<>();
  private final Map<Target, DottedVersionVectorSet> replies = new LinkedHashMap<>();
  private DottedVersionVectorSet merged = DottedVersionVectorSet.empty();
  private int primaryReplies;
  private int outstanding;
  private String lastFailure = "";
  private boolean sawTimeout;

  ReadReplies(Quorum quorum, int targets) {
    this.quorum = quorum;
    this.outstanding = targets;
  }

  CompletableFuture<DottedVersionVectorSet> quorum() {
    return reached;
  }

  CompletableFuture<Map<Target, DottedVersionVectorSet>> settled() {
    return settled;
  }

  void replied(Target target, DottedVersionVectorSet set) {
    synchronized (this) {
      replies.put(target, set);
      merged = merged.sync(set);
      primaryReplies += target.isPrimary() ? 1 : 0;
      outstanding--;
    }
    decide();
  }

  /** Another target is asked in place of one that failed: one more reply to wait for. */
  synchronized void replaced() {
    outstanding++;
  }

  /** Whether the read still waits for replies (neither answered nor given up). */
  boolean isOpen() {
    return !reached.isDone();
  }

  void failed(Target target, Throwable failure) {
    synchronized (this) {
      outstanding--;
      lastFailure = "; last failure from " + target + ": " + failure.getMessage();
      sawTimeout |= failure instanceof RingstoreException e && e.code() == ErrorCode.TIMEOUT;
    }
    decide();
  }

  void deadlinePassed() {
    RingstoreException timeout;
    Map<Target, DottedVersionVectorSet> all;
    synchronized (this) {
      timeout = new RingstoreException(ErrorCode.TIMEOUT, "timed out: " + progress() + lastFailure);
      all = Map.copyOf(replies);
    }
    reached.completeExceptionally(timeout);
    settled.complete(all);
  }

  private void decide() {
    DottedVersionVectorSet result = null;
    RingstoreException hopeless = null;
    Map<Target, DottedVersionVectorSet> all = null;
    synchronized (this) {
      if (replies.size() >= quorum.required() && primaryReplies >= quorum.requiredPrimaries()) {
        result = merged;
      } else if (outstanding == 0) {
        hopeless =
            sawTimeout
                ? new RingstoreException(
                    ErrorCode.TIMEOUT, "timed out: " + progress() + lastFailure)
                : new RingstoreException(
                    ErrorCode.UNAVAILABLE, "not enough replicas: " + progress() + lastFailure);
      }
      if (outstanding == 0) {
        all = Map.copyOf(replies);
      }
    }
    if (result != null) {
      reached.complete(result);
    } else if (hopeless != null) {
      reached.completeExceptionally(hopeless);
    }
    if (all != null) {
      settled.complete(all);
    }
  }

  private String progress() {
    return replies.size()
        + " of the "
        + quorum.required()
        + " replies needed arrived (r="
        + quorum.required()
        + ", pr="
        + quorum.requiredPrimaries()
        + ", "
        + primaryReplies
        + " from primaries)";
  }
}
