package dev.ringstore.node.transfer;

import com.google.common.util.concurrent.RateLimiter;
import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.node.cluster.TransferSettings;
import dev.ringstore.node.coordinator.Failures;
import dev.ringstore.node.coordinator.LocalReplica;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.node.storage.StoredSetTooLargeException;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.TransferEntry;
import dev.ringstore.protocol.v1.TransferPageRequest;
import dev.ringstore.protocol.v1.TransferPageResponse;
import dev.ringstore.ring.BucketTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of bucket transfers: for every bucket the running transfer gives this node,
 * pages of the bucket's objects are fetched from each of its {@linkplain #sources sources} — every
 * live old owner losing the bucket — and merged here by DVV sync (so writes arriving meanwhile,
 * which go to both owners, are never overwritten), a cursor per source saved after each page, at
 * most {@link TransferSettings#bytesPerSecond()}. Pulling from an owner that keeps the bucket would
 * miss a write only the leaving owner acknowledged (w=1, or a quorum the kept owner was not part
 * of), lost once the leaving copy is deleted. A bucket is done once every source was pulled to the
 * end; one that fails midway is retried on the next pass, from its cursor. Runs on its own thread;
 * a bucket with no live old owner waits for one.
 */
public final class BucketTransfers {
  private static final Logger log = LoggerFactory.getLogger(BucketTransfers.class);
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);

  private final ClusterView cluster;
  private final Liveness liveness;
  private final ReplicaTransport transport;
  private final LocalReplica local;
  private final TransferCursors cursors;
  private final TransferSettings settings;
  private final TransferProgress progress;
  private final RateLimiter limiter;

  public BucketTransfers(
      ClusterView cluster,
      Liveness liveness,
      ReplicaTransport transport,
      LocalReplica local,
      StorageEngine storage,
      TransferSettings settings,
      TransferProgress progress) {
    this.cluster = cluster;
    this.liveness = liveness;
    this.transport = transport;
    this.local = local;
    this.cursors = new TransferCursors(storage);
    this.settings = settings;
    this.progress = progress;
    this.limiter = RateLimiter.create(settings.bytesPerSecond());
  }

  /** Works through this node's incoming buckets of the running transfer. */
  public void runOnce() {
    long version = cluster.transferVersion();
    List<Integer> done = new ArrayList<>();
    List<Integer> pending = new ArrayList<>();
    if (version != 0) {
      for (int b = 0; b < cluster.table().bucketCount(); b++) {
        if (cluster.incoming(b).contains(cluster.self())) {
          (cursors.load(version, b).done() ? done : pending).add(b);
        }
      }
    }
    progress.update(version, done, pending.size());
    for (int i = 0; i < pending.size() && cluster.transferVersion() == version; i++) {
      int bucket = pending.get(i);
      if (copy(version, bucket)) {
        done.add(bucket);
        progress.update(version, done, pending.size() - i - 1);
        log.debug("received bucket {} of transfer v{}", bucket, version);
      }
    }
  }

  /** Pulls the bucket from its sources; true once all of them were pulled to the end. */
  private boolean copy(long version, int bucket) {
    List<NodeId> sources = sources(bucket);
    if (sources.isEmpty()) {
      return false;
    }
    for (NodeId source : sources) {
      if (!cursors.load(version, bucket, source).done() && !copy(version, bucket, source)) {
        return false;
      }
    }
    cursors.done(version, bucket);
    return true;
  }

  private boolean copy(long version, int bucket, NodeId source) {
    byte[] after = cursors.load(version, bucket, source).after();
    while (cluster.transferVersion() == version) {
      TransferPageResponse page;
      try {
        page = fetch(source, bucket, after);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException | TimeoutException | RingstoreException e) {
        log.info(
            "bucket {}: page from {} failed ({}); retrying later",
            bucket,
            source,
            Failures.unwrap(e).getMessage());
        return false;
      }
      long bytes = 0;
      for (TransferEntry entry : page.getEntriesList()) {
        byte[] key = entry.getKey().toByteArray();
        try {
          local
              .merge(
                  bucket,
                  key,
                  DottedVersionVectorSetCodec.decode(entry.getSet().toByteArray()),
                  null)
              .join();
        } catch (CompletionException e) {
          if (!(Failures.unwrap(e) instanceof StoredSetTooLargeException tooLarge)) {
            log.info(
                "bucket {}: storing a page failed ({}); retrying later", bucket, e.getMessage());
            return false;
          }
          // Both copies are at the limit and concurrent: the old owner's stays there, and the
          // key's TOO_LARGE reads say how to resolve it (docs/transfer.md).
          log.warn(
              "bucket {}: a key from {} was not merged: {}", bucket, source, tooLarge.getMessage());
        }
        bytes += key.length + entry.getSet().size();
        after = key;
      }
      if (page.getEntriesCount() > 0) {
        cursors.advance(version, bucket, source, after);
        progress.received(bytes);
        if (!pace(bytes)) {
          return false;
        }
      }
      if (page.getDone()) {
        cursors.done(version, bucket, source);
        return true;
      }
    }
    return false;
  }

  /**
   * Waits until {@code bytes} more fit the rate, in slices of at most a tenth of a second's worth
   * so that a node shutting down (which interrupts this thread) is not held up. False if
   * interrupted.
   */
  private boolean pace(long bytes) {
    int slice = Math.max(1, settings.bytesPerSecond() / 10);
    for (long left = bytes; left > 0; left -= slice) {
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
      limiter.acquire((int) Math.min(slice, left));
    }
    return true;
  }

  private TransferPageResponse fetch(NodeId source, int bucket, byte[] after)
      throws InterruptedException, ExecutionException, TimeoutException {
    TransferPageRequest.Builder page =
        TransferPageRequest.newBuilder().setBucket(bucket).setMaxBytes(settings.pageBytes());
    if (after != null) {
      page.setAfter(ByteString.copyFrom(after));
    }
    return transport
        .send(source, Request.newBuilder().setTransferPage(page).build(), PAGE_TIMEOUT)
        .thenApply(RingstoreException::requireOk)
        .get(PAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .getTransferPage();
  }

  /**
   * Whom to pull the bucket from: every live old owner that is losing it (its copy is deleted after
   * the change, so a write only it acknowledged must come along), or, when none of them is live or
   * none is losing it, the first live old owner. Owners that keep the bucket keep their writes, and
   * anti-entropy shares them with the new owner.
   */
  private List<NodeId> sources(int bucket) {
    List<NodeId> old = cluster.table().preferenceList(bucket).nodes();
    BucketTable target = cluster.routing().target();
    List<NodeId> staying = target == null ? old : target.preferenceList(bucket).nodes();
    List<NodeId> live =
        old.stream().filter(o -> !o.equals(cluster.self()) && liveness.isLive(o)).toList();
    List<NodeId> losing = live.stream().filter(o -> !staying.contains(o)).toList();
    return !losing.isEmpty() || live.isEmpty() ? losing : live.subList(0, 1);
  }
}
