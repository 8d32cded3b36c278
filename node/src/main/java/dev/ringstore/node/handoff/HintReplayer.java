package dev.ringstore.node.handoff;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.coordinator.Failures;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.Target;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.StoredSetTooLargeException;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the hints this node holds to their owners once they are reachable: in windows of {@value
 * #WINDOW} hints in flight, paced by {@link ReplayPace}, each hint deleted only after its owner
 * acknowledged it (and only if it did not grow meanwhile), so a pass that stops half-way — the
 * owner fails again, the pace runs dry, this node restarts — resumes where it stopped. Hints past
 * the TTL met on the way are dropped. A leaving node uses the same delivery to hand its hints to a
 * peer. Runs on a thread of its own: it blocks on storage and on acks.
 */
public final class HintReplayer {
  static final int WINDOW = 64;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(HintReplayer.class);

  private final HeldHints hints;
  private final Replicas replicas;
  private final Liveness liveness;
  private final HintMetrics metrics;
  private final InstantSource clock;
  private final ReplayPace pace;

  public HintReplayer(
      HeldHints hints,
      Replicas replicas,
      Liveness liveness,
      HintSettings settings,
      InstantSource clock,
      HintMetrics metrics) {
    this.hints = hints;
    this.replicas = replicas;
    this.liveness = liveness;
    this.metrics = metrics;
    this.clock = clock;
    this.pace = new ReplayPace(settings.replayPerSecond(), clock);
  }

  /** One pass over every target: replays to the reachable ones, as far as the pace allows. */
  public void replayOnce() {
    for (NodeId target : hints.targets()) {
      if (liveness.isLive(target)) {
        send(target, Target.primary(target), true, Instant.MAX);
      }
    }
  }

  /**
   * Sends {@code target}'s hints to {@code destination} (the target itself, or a peer that keeps
   * them as hints) window by window, until none are left, one is not acknowledged, the pace runs
   * dry (when {@code paced}) or the clock passes {@code deadline}. Returns whether none are left.
   */
  boolean send(NodeId target, Target destination, boolean paced, Instant deadline) {
    while (clock.instant().isBefore(deadline)) {
      List<Hint> window = new ArrayList<>(WINDOW);
      boolean[] dry = {false};
      hints.scan(
          target,
          hint -> {
            if (hints.expired(hint)) {
              hints.drop(hint, DropReason.TTL);
              return true;
            }
            if (paced && !pace.tryAcquire()) {
              dry[0] = true;
              return false;
            }
            window.add(hint);
            return window.size() < WINDOW;
          });
      if (window.isEmpty()) {
        return !dry[0];
      }
      if (!deliver(destination, window) || dry[0]) {
        return false;
      }
    }
    return hints.held(target) == 0;
  }

  /** Sends one window; returns whether every hint in it was acknowledged. */
  private boolean deliver(Target destination, List<Hint> window) {
    List<CompletableFuture<Void>> sent = new ArrayList<>(window.size());
    for (Hint hint : window) {
      sent.add(replicas.write(destination, hint.bucket(), hint.key(), hint.set(), ACK_TIMEOUT));
    }
    boolean all = true;
    for (int i = 0; i < window.size(); i++) {
      Throwable failure = failure(sent.get(i));
      if (failure == null) {
        if (hints.delivered(window.get(i))) {
          metrics.replayed();
        }
      } else if (tooLarge(failure)) {
        // The target's copy and this hint are concurrent and together over the stored-set limit:
        // no replay can ever land. Reads of the key answer TOO_LARGE until a client resolves it.
        hints.drop(window.get(i), DropReason.TOO_LARGE);
      } else {
        all = false;
      }
    }
    if (!all) {
      log.info("hint delivery to {} stopped; it resumes on the next pass", destination);
    }
    return all;
  }

  /** Why a delivery failed, or null when it was acknowledged. */
  private static Throwable failure(CompletableFuture<Void> ack) {
    try {
      ack.get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return Failures.unwrap(e);
    } catch (TimeoutException e) {
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static boolean tooLarge(Throwable failure) {
    return failure instanceof StoredSetTooLargeException
        || failure instanceof RingstoreException e && e.code() == ErrorCode.TOO_LARGE;
  }
}
