package dev.ringstore.node.handoff;

import com.google.common.util.concurrent.RateLimiter;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.Sibling;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.Target;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.StorageEngine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the hints this node holds to their owners once they are reachable: in windows of {@value
 * #WINDOW} hints in flight, paced by a rate limit, each hint deleted only after its owner
 * acknowledged it (and only if it did not grow meanwhile), so a pass that stops half-way — the
 * owner fails again, this node restarts — resumes where it stopped. Hints whose newest write is
 * older than the TTL are dropped. Runs on a thread of its own: it blocks on storage and on acks.
 */
public final class HintReplayer {
  static final int WINDOW = 64;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(HintReplayer.class);

  private final StorageEngine storage;
  private final Replicas replicas;
  private final Liveness liveness;
  private final HintSettings settings;
  private final InstantSource clock;
  private final HintMetrics metrics;
  private final RateLimiter pace;

  public HintReplayer(
      StorageEngine storage,
      Replicas replicas,
      Liveness liveness,
      HintSettings settings,
      InstantSource clock,
      HintMetrics metrics) {
    this.storage = storage;
    this.replicas = replicas;
    this.liveness = liveness;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.pace = RateLimiter.create(settings.replayPerSecond());
  }

  /** One pass over every target: replays to the reachable ones, counts every queue. */
  public void replayOnce() {
    Set<NodeId> targets = storage.hintTargets();
    for (NodeId target : targets) {
      if (liveness.isLive(target)) {
        replayTo(target);
      }
      metrics.queueSize(target, count(target));
    }
    metrics.targets().stream()
        .filter(target -> !targets.contains(target))
        .forEach(drained -> metrics.queueSize(drained, 0));
  }

  private void replayTo(NodeId target) {
    while (true) {
      List<Hint> window = new ArrayList<>(WINDOW);
      storage.scanHints(target, hint -> window.add(hint) && window.size() < WINDOW);
      if (window.isEmpty() || !deliver(target, window)) {
        return;
      }
    }
  }

  /** Sends one window; returns whether every hint in it was delivered or dropped. */
  private boolean deliver(NodeId target, List<Hint> window) {
    List<CompletableFuture<Void>> sent = new ArrayList<>(window.size());
    for (Hint hint : window) {
      if (expired(hint)) {
        storage.deleteHint(hint);
        metrics.droppedExpired();
        sent.add(CompletableFuture.completedFuture(null));
        continue;
      }
      pace.acquire();
      sent.add(
          replicas.write(
              Target.primary(target), hint.bucket(), hint.key(), hint.set(), ACK_TIMEOUT));
    }
    boolean all = true;
    for (int i = 0; i < window.size(); i++) {
      if (acknowledged(sent.get(i))) {
        if (storage.deleteHint(window.get(i))) {
          metrics.replayed();
        }
      } else {
        all = false;
      }
    }
    if (!all) {
      log.info("hint replay to {} stopped; it resumes on the next pass", target);
    }
    return all;
  }

  private boolean expired(Hint hint) {
    long newest =
        hint.set().siblings().stream().mapToLong(Sibling::timestampMillis).max().orElse(0);
    return newest > 0 && clock.millis() - newest > settings.ttl().toMillis();
  }

  private static boolean acknowledged(CompletableFuture<Void> ack) {
    try {
      ack.get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private long count(NodeId target) {
    AtomicLong count = new AtomicLong();
    storage.scanHints(
        target,
        hint -> {
          count.incrementAndGet();
          return true;
        });
    return count.get();
  }
}
