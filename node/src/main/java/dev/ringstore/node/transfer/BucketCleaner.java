package dev.ringstore.node.transfer;

import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.storage.StorageEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, by range, the buckets this node holds but no longer owns (in neither the current nor the
 * target list), once they have been unowned for the grace period: long enough for clients and nodes
 * routing by the previous table to have refreshed. A restart starts the grace period again, which
 * only keeps data longer.
 */
public final class BucketCleaner {
  private static final Logger log = LoggerFactory.getLogger(BucketCleaner.class);

  private final ClusterView cluster;
  private final StorageEngine storage;
  private final InstantSource clock;
  private final Duration grace;
  private final Map<Integer, Instant> unownedSince = new HashMap<>();

  public BucketCleaner(
      ClusterView cluster, StorageEngine storage, InstantSource clock, Duration grace) {
    this.cluster = cluster;
    this.storage = storage;
    this.clock = clock;
    this.grace = grace;
  }

  /** One pass over every bucket; blocking (a range delete), so run on a background thread. */
  public synchronized void runOnce() {
    Instant now = clock.instant();
    for (int b = 0; b < cluster.table().bucketCount(); b++) {
      if (cluster.table().preferenceList(b).contains(cluster.self())
          || cluster.incoming(b).contains(cluster.self())) {
        unownedSince.remove(b);
        continue;
      }
      Instant since = unownedSince.get(b);
      if (since == null) {
        if (holdsData(b)) {
          unownedSince.put(b, now);
        }
      } else if (Duration.between(since, now).compareTo(grace) >= 0) {
        storage.deleteBucket(b);
        unownedSince.remove(b);
        log.info("deleted bucket {}: owned by others for {}", b, grace);
      }
    }
  }

  private boolean holdsData(int bucket) {
    boolean[] any = {false};
    storage.scan(
        bucket,
        new byte[0],
        (key, set) -> {
          any[0] = true;
          return false;
        });
    return any[0];
  }
}
