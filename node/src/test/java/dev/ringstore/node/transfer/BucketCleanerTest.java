package dev.ringstore.node.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.cluster.ConfigClusterView;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.MembershipChange;
import dev.ringstore.ring.RingSettings;
import dev.ringstore.ring.TablePlan;
import dev.ringstore.ring.TablePlanner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BucketCleanerTest {
  private static final NodeId N1 = NodeId.of("n1");
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final InstantSource clock = () -> now.get();

  @Test
  void anOldOwnerKeepsABucketThroughTheGracePeriodThenDeletesIt() {
    BucketTable four =
        BucketTable.initial(
            List.of(Member.of("n1"), Member.of("n2"), Member.of("n3"), Member.of("n4")),
            new RingSettings(16, 3, 8));
    TablePlan leave = TablePlanner.plan(four, new MembershipChange.Remove(NodeId.of("n2")));
    int kept = firstBucket(four, true);
    InMemoryStorageEngine storage = new InMemoryStorageEngine(N1, new Random(1));
    for (int b = 0; b < 16; b++) {
      store(storage, b);
    }
    ConfigClusterView view =
        new ConfigClusterView(N1, new Routing(1, four.withVersion(1), null, Map.of()));
    BucketCleaner cleaner = new BucketCleaner(view, storage, clock, Duration.ofSeconds(30));
    cleaner.runOnce();
    int unowned = firstBucket(four, false);
    now.set(Instant.EPOCH.plusSeconds(29));
    cleaner.runOnce();
    assertThat(count(storage, unowned)).as("unowned, inside the grace period").isOne();

    now.set(Instant.EPOCH.plusSeconds(31));
    cleaner.runOnce();
    assertThat(count(storage, unowned)).as("unowned, after the grace period").isZero();
    assertThat(count(storage, kept)).as("owned").isOne();

    view.offer(new Routing(2, four.withVersion(2), leave.after().withVersion(2), Map.of()));
    for (int b = 0; b < 16; b++) {
      if (leave.after().preferenceList(b).contains(N1) && !four.preferenceList(b).contains(N1)) {
        store(storage, b);
        now.set(Instant.EPOCH.plusSeconds(100));
        cleaner.runOnce();
        assertThat(count(storage, b)).as("incoming bucket " + b).isOne();
      }
    }
  }

  private static int firstBucket(BucketTable table, boolean owned) {
    for (int b = 0; b < table.bucketCount(); b++) {
      if (table.preferenceList(b).contains(N1) == owned) {
        return b;
      }
    }
    throw new AssertionError("no such bucket");
  }

  private static void store(InMemoryStorageEngine storage, int bucket) {
    byte[] key = ("k" + bucket).getBytes(StandardCharsets.UTF_8);
    storage.update(
        bucket, key, set -> set.update(set.context(), new byte[] {1}, 0, new ActorId(N1, 1)));
  }

  private static long count(InMemoryStorageEngine storage, int bucket) {
    long[] n = {0};
    storage.scan(bucket, (key, set) -> n[0]++);
    return n[0];
  }
}
