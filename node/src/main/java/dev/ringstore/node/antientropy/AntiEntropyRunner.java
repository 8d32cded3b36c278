package dev.ringstore.node.antientropy;

import com.google.common.util.concurrent.RateLimiter;
import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage;
import dev.ringstore.gossip.antientropy.AntiEntropyMessageCodec;
import dev.ringstore.gossip.antientropy.AntiEntropySession;
import dev.ringstore.gossip.antientropy.KeyDifference;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.Target;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.AntiEntropyRequest;
import dev.ringstore.protocol.v1.Request;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiating side of anti-entropy (Dynamo §4.7): each {@link #runOnce} takes the next bucket
 * this node holds, exchanges Merkle trees with one other live replica of it (rotating through
 * them), and repairs every key the exchange found different, both ways, by DVV sync: a replica's
 * newer, concurrent or missing copy is merged, tombstones included. Blocking: runs on a thread of
 * its own, paced by how often it is called.
 */
public final class AntiEntropyRunner {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(AntiEntropyRunner.class);

  private final ClusterView cluster;
  private final Liveness liveness;
  private final MerkleTrees trees;
  private final Replicas replicas;
  private final ReplicaTransport transport;
  private final AntiEntropyMetrics metrics;
  private final AtomicLong sessions = new AtomicLong();
  private final RateLimiter bytesPerSecond;
  private int nextBucket;
  private int round;

  public AntiEntropyRunner(
      ClusterView cluster,
      Liveness liveness,
      MerkleTrees trees,
      Replicas replicas,
      ReplicaTransport transport,
      AntiEntropyMetrics metrics,
      int maxBytesPerSecond) {
    this.cluster = cluster;
    this.liveness = liveness;
    this.trees = trees;
    this.replicas = replicas;
    this.transport = transport;
    this.metrics = metrics;
    this.bytesPerSecond = RateLimiter.create(maxBytesPerSecond);
  }

  /** One exchange: the next bucket this node holds, with its next live peer replica. */
  public void runOnce() {
    int buckets = cluster.table().bucketCount();
    for (int tried = 0; tried < buckets; tried++) {
      int bucket = nextBucket;
      nextBucket = (nextBucket + 1) % buckets;
      List<NodeId> peers =
          cluster.table().preferenceList(bucket).nodes().stream()
              .filter(node -> !node.equals(cluster.self()) && liveness.isLive(node))
              .toList();
      if (cluster.table().preferenceList(bucket).contains(cluster.self()) && !peers.isEmpty()) {
        exchange(bucket, peers.get(Math.floorMod(round++, peers.size())));
        return;
      }
    }
  }

  /** Runs {@link #runOnce} until every bucket this node holds was exchanged once. */
  public void runFullPass() {
    for (int i = 0; i < cluster.table().bucketCount(); i++) {
      runOnce();
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
    List<KeyDifference> differences = session.differences();
    for (KeyDifference difference : differences) {
      repair(bucket, difference.key(), peer);
    }
    if (!differences.isEmpty()) {
      trees.forget(bucket);
    }
    metrics.exchanged(bucket);
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

  /** Brings one key to the sync of both copies on both replicas. */
  private void repair(int bucket, byte[] key, NodeId peer) {
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
