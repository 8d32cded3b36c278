package dev.ringstore.node.tombstone;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.Sibling;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.cluster.TombstoneSettings;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.Target;
import dev.ringstore.node.storage.StorageEngine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Removes tombstones from disk as Riak's {@code delete_mode} does, so deleted keys do not stay
 * forever. For each bucket whose first primary is this node (one reaper per bucket), outside
 * transfers, it takes the keys holding only tombstones older than the reap delay and, per key:
 * reads every primary; only when all are reachable and hold exactly this node's set does it ask
 * each of them to remove the key if its copy is still that set (a write since then keeps it), the
 * others first and itself last, so a pass that stops half-way is found again by the next. A primary
 * that was down during the delete holds the value, not the tombstone, so nothing is reaped until
 * hints or anti-entropy gave it the tombstone: it can never bring the value back. Blocking; runs on
 * a background thread.
 */
public final class TombstoneReaper {
  private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(5);

  private final ClusterView cluster;
  private final Liveness liveness;
  private final StorageEngine storage;
  private final Replicas replicas;
  private final TombstoneSettings settings;
  private final InstantSource clock;
  private final ReapMetrics metrics;

  public TombstoneReaper(
      ClusterView cluster,
      Liveness liveness,
      StorageEngine storage,
      Replicas replicas,
      TombstoneSettings settings,
      InstantSource clock,
      ReapMetrics metrics) {
    this.cluster = cluster;
    this.liveness = liveness;
    this.storage = storage;
    this.replicas = replicas;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  private record Candidate(byte[] key, DottedVersionVectorSet set) {}

  /** One pass over the buckets this node reaps; returns how many keys it removed everywhere. */
  public int runOnce() {
    long cutoff = clock.millis() - settings.reapDelay().toMillis();
    int budget = settings.keysPerPass();
    int reaped = 0;
    for (int b = 0; b < cluster.table().bucketCount() && budget > 0; b++) {
      List<NodeId> owners = cluster.table().preferenceList(b).nodes();
      if (owners.isEmpty()
          || !owners.get(0).equals(cluster.self())
          || !cluster.incoming(b).isEmpty()) {
        continue;
      }
      List<Candidate> found = candidates(b, cutoff, budget);
      budget -= found.size();
      for (Candidate candidate : found) {
        if (reap(b, owners, candidate)) {
          reaped++;
        }
      }
    }
    return reaped;
  }

  private List<Candidate> candidates(int bucket, long cutoff, int most) {
    List<Candidate> found = new ArrayList<>();
    storage.scan(
        bucket,
        new byte[0],
        (key, set) -> {
          if (set.isTombstoneOnly() && newest(set) <= cutoff) {
            found.add(new Candidate(key, set));
          }
          return found.size() < most;
        });
    return found;
  }

  private boolean reap(int bucket, List<NodeId> owners, Candidate candidate) {
    for (NodeId owner : owners) {
      if (!owner.equals(cluster.self()) && !liveness.isLive(owner)) {
        metrics.skipped("replica_down");
        return false;
      }
    }
    List<CompletableFuture<DottedVersionVectorSet>> reads = new ArrayList<>();
    for (NodeId owner : owners) {
      reads.add(replicas.read(Target.primary(owner), bucket, candidate.key(), REPLICA_TIMEOUT));
    }
    for (CompletableFuture<DottedVersionVectorSet> read : reads) {
      DottedVersionVectorSet copy = await(read);
      if (copy == null) {
        metrics.skipped("replica_down");
        return false;
      }
      if (!copy.equals(candidate.set())) {
        metrics.skipped("replicas_differ");
        return false;
      }
    }
    List<NodeId> othersFirst = new ArrayList<>(owners.subList(1, owners.size()));
    othersFirst.add(owners.get(0));
    for (NodeId owner : othersFirst) {
      Boolean removed =
          await(
              replicas.reap(
                  Target.primary(owner),
                  bucket,
                  candidate.key(),
                  candidate.set(),
                  REPLICA_TIMEOUT));
      if (removed == null || !removed) {
        metrics.skipped(removed == null ? "replica_down" : "written_meanwhile");
        return false;
      }
    }
    metrics.reaped();
    return true;
  }

  private static long newest(DottedVersionVectorSet set) {
    return set.siblings().stream().mapToLong(Sibling::timestampMillis).max().orElse(0);
  }

  /** The result, or null when the replica failed or did not answer in time. */
  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(REPLICA_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
