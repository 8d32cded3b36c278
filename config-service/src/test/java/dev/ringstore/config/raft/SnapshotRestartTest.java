package dev.ringstore.config.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.SnapshotPolicy;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Replicas snapshot their state every few entries and come back from their snapshots. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SnapshotRestartTest {
  private static final Duration WITHIN = Duration.ofSeconds(20);

  @TempDir Path root;

  @Test
  void aRestartedGroupRestoresItsSnapshotsAndReplaysTheLogAfterThem() throws Exception {
    try (LocalGroup group =
        new LocalGroup(3, root, RaftTimings.DEFAULT, new SnapshotPolicy(25, 2)).startAll()) {
      ReplicaId leader = group.awaitLeader(WITHIN);
      List<Long> committed = submitConcurrently(group, leader, 1, 110);
      group.awaitAllHold(committed, WITHIN);
      for (ReplicaId id : group.ids()) {
        // Ratis writes a new snapshot and only then deletes the oldest beyond the retention count,
        // so a look in between sees one too many: wait for the count to settle at the retention.
        LocalGroup.await(
            () -> snapshotsIn(group.dataDir(id)).size() == 2,
            WITHIN,
            () -> id + " does not keep exactly 2 snapshots: " + snapshotsIn(group.dataDir(id)));
      }

      group.stopAll();
      group.startAll();

      group.awaitAllHold(committed, WITHIN);
      for (ReplicaId id : group.ids()) {
        assertThat(group.state(id).restores()).as("%s restored a snapshot", id).isEqualTo(1);
        // The snapshot holds at least its first 25 entries; what it does not hold came back from
        // the log (awaitAllHold above). The log has more entries than the 110 commands (each
        // term's first entry, configuration entries), and over gRPC the last snapshot was seen to
        // fall after the 110th command in about half the runs: all 110 then come from it.
        assertThat(group.state(id).restoredSize())
            .as("%s restored its snapshot, then re-applied the log after it", id)
            .isBetween(25, 110);
      }
      ReplicaId newLeader = group.awaitLeader(WITHIN);
      byte[] reply =
          group.replica(newLeader).submit(AppendOnlyLongs.command(111)).get(15, TimeUnit.SECONDS);
      assertThat(AppendOnlyLongs.sizeIn(reply)).isEqualTo(111);
    }
  }

  @Test
  void aReplicaBehindThePurgedLogGetsTheLeadersSnapshot() throws Exception {
    try (LocalGroup group =
        new LocalGroup(3, root, RaftTimings.DEFAULT, new SnapshotPolicy(10, 2))
            .tune(SnapshotRestartTest::purgeEagerly)
            .startAll()) {
      ReplicaId leader = group.awaitLeader(WITHIN);
      ReplicaId lagging = group.othersThan(leader).get(0);
      group.kill(lagging);

      List<Long> committed = submitConcurrently(group, leader, 1, 80);
      for (ReplicaId id : group.othersThan(lagging)) {
        LocalGroup.await(
            () -> firstLogIndex(group.dataDir(id)) > 0,
            WITHIN,
            () -> id + " never purged the start of its log");
      }

      group.start(lagging);
      group.awaitAllHold(committed, WITHIN);
      assertThat(group.state(lagging).restores())
          .as("installed the leader's snapshot")
          .isEqualTo(1);
      assertThat(group.state(lagging).restoredSize()).isPositive();
    }
  }

  /** Segments of about a dozen entries, purged up to each snapshot. */
  private static void purgeEagerly(org.apache.ratis.conf.RaftProperties p) {
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf("1KB"));
    RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf("1KB"));
    RaftServerConfigKeys.Log.setPurgeGap(p, 1);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
  }

  /**
   * Submits {@code from..to} all at once through {@code via}; returns the order they committed in.
   */
  private static List<Long> submitConcurrently(LocalGroup group, ReplicaId via, long from, long to)
      throws Exception {
    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      replies.add(group.replica(via).submit(AppendOnlyLongs.command(v)));
    }
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    // Concurrent commands commit in some order; the leader's is the one all replicas must share.
    List<Long> committed = group.state(group.awaitLeader(WITHIN)).values();
    assertThat(committed).hasSize((int) (to - from + 1)).doesNotHaveDuplicates();
    return committed;
  }

  private static List<Path> snapshotsIn(Path dataDir) {
    return filesMatching(dataDir, "snapshot\\.\\d+_\\d+");
  }

  /** The first index of a replica's log on disk: segments are named {@code log_<first>-<last>}. */
  private static long firstLogIndex(Path dataDir) {
    return filesMatching(dataDir, "log_(inprogress_)?\\d+(-\\d+)?").stream()
        .map(f -> f.getFileName().toString().replaceAll("log_(inprogress_)?(\\d+).*", "$2"))
        .mapToLong(Long::parseLong)
        .min()
        .orElse(0);
  }

  /**
   * The files under {@code dataDir} whose names match, read while the replica runs: Ratis renames
   * and deletes snapshots and log segments as it goes, so a file that vanishes between listing and
   * reading is skipped rather than failing the walk.
   */
  private static List<Path> filesMatching(Path dataDir, String regex) {
    List<Path> matching = new ArrayList<>();
    try {
      Files.walkFileTree(
          dataDir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (file.getFileName().toString().matches(regex)) {
                matching.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return matching;
  }
}
