package dev.ringstore.node.antientropy;

import com.google.common.util.concurrent.RateLimiter;
import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage;
import dev.ringstore.gossip.antientropy.AntiEntropyMessageCodec;
import dev.ringstore.gossip.antientropy.AntiEntropySession;
import dev.ringstore.gossip.antientropy.KeyDifference;
import dev.ringstore.node.cluster.AntiEntropySettings;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.Target;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.AntiEntropyRequest;
import dev.ringstore.protocol.v1.Request;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiating side of anti-entropy (Dynamo §4.7). Every sweep interval it compares the root
 * hashes of all buckets it shares with each live peer, one message per peer ({@link RootSweep});
 * each bucket whose roots differ, or whose tree is not built yet, is queued, and each {@link
 * #runOnce} runs the oldest queued Merkle-tree exchange and repairs every key it found different,
 * both ways, by DVV sync: a replica's newer, concurrent or missing copy is merged, tombstones
 * included. Replicas that agree cost one round trip per peer per sweep. Blocking: runs on a thread
 * of its own, paced by how often it is called.
 */
public final class AntiEntropyRunner {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(AntiEntropyRunner.class);

  private final ClusterView cluster;
  private final MerkleTrees trees;
  private final Replicas replicas;
  private final ReplicaTransport transport;
  private final AntiEntropyMetrics metrics;
  private final AtomicLong sessions = new AtomicLong();
  private final RateLimiter bytesPerSecond;
  private final InstantSource clock;
  private final long sweepMillis;
  private final Duration interval;
  private final RootSweep sweep;
  private final PendingExchanges pending = new PendingExchanges();
  private long nextSweep; // clock millis; 0: the first step sweeps

  public AntiEntropyRunner(
      ClusterView cluster,
      Liveness liveness,
      MerkleTrees trees,
      Replicas replicas,
      ReplicaTransport transport,
      AntiEntropyMetrics metrics,
      AntiEntropySettings settings,
      InstantSource clock) {
    this.cluster = cluster;
    this.trees = trees;
    this.replicas = replicas;
    this.transport = transport;
    this.metrics = metrics;
    this.bytesPerSecond = RateLimiter.create(settings.bytesPerSecond());
    this.clock = clock;
    this.sweepMillis = settings.sweepInterval().toMillis();
    this.interval = settings.interval();
    this.sweep = new RootSweep(cluster, liveness, trees, (peer, m) -> send(peer, 0, m));
  }

  /**
   * One step: a root sweep when one is due, else the oldest queued exchange, if any.
   *
   * @return how long to wait before the next step: the exchange interval while exchanges wait, else
   *     until the next sweep is due, so a node whose replicas agree wakes once a sweep
   */
  public synchronized Duration runOnce() {
    long now = clock.millis();
    if (now >= nextSweep) {
      nextSweep = now + sweepMillis;
      sweep();
    } else {
      runPending();
    }
    if (!pending.isEmpty()) {
      return interval;
    }
    return Duration.ofMillis(Math.max(1, nextSweep - clock.millis()));
  }

  /**
   * Compares every bucket this node holds with every live peer and runs every exchange that finds
   * needed, on the calling thread: three sweeps, each followed by its exchanges — the first builds
   * the trees that are missing, the next two find and confirm every difference that is left.
   */
  public synchronized void runFullPass() {
    for (int pass = 0; pass < 3; pass++) {
      sweep();
      while (!pending.isEmpty()) {
        runPending();
      }
    }
  }

  private void sweep() {
    RootSweep.Outcome outcome = sweep.run();
    outcome.inSync().forEach(metrics::inSync);
    outcome.answered().forEach(metrics::compared);
    outcome.exchanges().forEach(pending::add);
    metrics.swept(outcome.failedPeers());
  }

  private void runPending() {
    Optional<PendingExchanges.Exchange> next = pending.next();
    if (next.isEmpty()) {
      return;
    }
    int bucket = next.get().bucket();
    NodeId peer = next.get().peer();
    if (sweep.livePeers(bucket).contains(peer)) {
      exchange(bucket, peer);
    }
  }

  void exchange(int bucket, NodeId peer) {
    AntiEntropySession session =
        AntiEntropySession.initiator(bucket, trees.tree(bucket), trees.source(bucket));
    long id = sessions.incrementAndGet();
    try {
      Optional<AntiEntropyMessage> next = Optional.of(session.start());
      while (next.isPresent()) {
        Optional<AntiEntropyMessage> reply = send(peer, id, next.get());
        next =
            reply.isEmpty() || session.isDone() ? Optional.empty() : session.receive(reply.get());
        if (next.isPresent() && session.isDone()) {
          send(peer, id, next.get());
          next = Optional.empty();
        }
      }
    } catch (RuntimeException e) {
      metrics.exchangeFailed();
      log.debug("anti-entropy with {} on bucket {} failed: {}", peer, bucket, e.toString());
      return;
    }
    if (session.abortReason().isPresent()) {
      metrics.exchangeFailed();
      log.info(
          "anti-entropy with {} on bucket {} aborted: {}",
          peer,
          bucket,
          session.abortReason().get());
      return;
    }
    boolean stale = false;
    for (KeyDifference difference : session.differences()) {
      stale |= !repair(bucket, difference.key(), peer);
    }
    if (stale) {
      // A key the trees disagree on that both replicas hold alike: a tree missed a write (one
      // that raced its build); rebuild it from storage at the next exchange.
      trees.forget(bucket);
    }
    metrics.exchanged(bucket, peer);
  }

  private Optional<AntiEntropyMessage> send(NodeId peer, long session, AntiEntropyMessage message) {
    byte[] bytes = AntiEntropyMessageCodec.encode(message);
    bytesPerSecond.acquire(Math.max(1, bytes.length));
    metrics.sent(bytes.length);
    Request request =
        Request.newBuilder()
            .setAntiEntropy(
                AntiEntropyRequest.newBuilder()
                    .setFrom(cluster.self().value())
                    .setSession(session)
                    .setMessage(ByteString.copyFrom(bytes)))
            .build();
    ByteString answer =
        join(transport.send(peer, request, STEP_TIMEOUT).thenApply(RingstoreException::requireOk))
            .getAntiEntropy()
            .getMessage();
    return answer.isEmpty()
        ? Optional.empty()
        : Optional.of(AntiEntropyMessageCodec.decode(answer.toByteArray()));
  }

  /**
   * Brings one key to the sync of both copies on both replicas; false when they held it alike (or
   * one held it and the other did not, as the exchange said, but in the same version).
   */
  private boolean repair(int bucket, byte[] key, NodeId peer) {
    Target self = Target.primary(cluster.self());
    Target other = Target.primary(peer);
    DottedVersionVectorSet local = join(replicas.read(self, bucket, key, STEP_TIMEOUT));
    DottedVersionVectorSet remote = join(replicas.read(other, bucket, key, STEP_TIMEOUT));
    DottedVersionVectorSet merged = local.sync(remote);
    if (!merged.equals(local)) {
      join(replicas.write(self, bucket, key, merged, STEP_TIMEOUT));
      metrics.repaired();
    }
    if (!merged.equals(remote)) {
      join(replicas.write(other, bucket, key, merged, STEP_TIMEOUT));
      metrics.repaired();
    }
    return !local.equals(remote);
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(STEP_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
  }
}
