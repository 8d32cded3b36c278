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
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.TransferEntry;
import dev.ringstore.protocol.v1.TransferPageRequest;
import dev.ringstore.protocol.v1.TransferPageResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of bucket transfers: for every bucket the running transfer gives this node,
 * pages of the bucket's objects are fetched from a live old owner and merged here by DVV sync (so
 * writes arriving meanwhile, which go to both owners, are never overwritten), the cursor saved
 * after each page, at most {@link TransferSettings#bytesPerSecond()}. Runs on its own thread; a
 * bucket whose old owners are all unreachable is retried on the next pass.
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

  private boolean copy(long version, int bucket) {
    byte[] after = cursors.load(version, bucket).after();
    while (cluster.transferVersion() == version) {
      NodeId source = source(bucket);
      if (source == null) {
        return false;
      }
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
        local
            .merge(
                bucket, key, DottedVersionVectorSetCodec.decode(entry.getSet().toByteArray()), null)
            .join();
        bytes += key.length + entry.getSet().size();
        after = key;
      }
      if (page.getEntriesCount() > 0) {
        cursors.advance(version, bucket, after);
        progress.received(bytes);
        if (!pace(bytes)) {
          return false;
        }
      }
      if (page.getDone()) {
        cursors.done(version, bucket);
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

  /** Waits for a local merge; false if this thread was interrupted (the node is stopping). */
  private static boolean await(CompletableFuture<Void> merge) {
    try {
      merge.get();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not store a transferred object", e.getCause());
    }
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

  /** The first live old owner of the bucket other than this node. */
  private NodeId source(int bucket) {
    for (NodeId owner : cluster.table().preferenceList(bucket).nodes()) {
      if (!owner.equals(cluster.self()) && liveness.isLive(owner)) {
        return owner;
      }
    }
    return null;
  }
}
