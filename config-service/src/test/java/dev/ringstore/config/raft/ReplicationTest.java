package dev.ringstore.config.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.ConsensusUnavailableException;
import dev.ringstore.config.GroupStatus;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.ReplicaRole;
import dev.ringstore.config.SnapshotPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplicationTest {
  private static final Duration WITHIN = Duration.ofSeconds(15);

  @TempDir Path root;

  @Test
  void threeReplicasElectOneLeaderAndApplyTheSameSequenceWhicheverReplicaIsAsked()
      throws Exception {
    try (LocalGroup group =
        new LocalGroup(3, root, RaftTimings.DEFAULT, SnapshotPolicy.DEFAULT).startAll()) {
      ReplicaId leader = group.awaitLeader(WITHIN);

      List<Long> submitted = new ArrayList<>();
      for (long v = 1; v <= 30; v++) {
        ReplicaId via = group.ids().get((int) (v % 3));
        byte[] reply =
            group.replica(via).submit(AppendOnlyLongs.command(v)).get(10, TimeUnit.SECONDS);
        submitted.add(v);
        assertThat(AppendOnlyLongs.sizeIn(reply)).as("reply via %s", via).isEqualTo(v);
      }

      ReplicaId follower = group.othersThan(leader).get(0);
      byte[] read = group.replica(follower).query(new byte[0]).get(10, TimeUnit.SECONDS);
      assertThat(AppendOnlyLongs.decode(read)).isEqualTo(submitted);
      group.awaitAllHold(submitted, WITHIN);

      GroupStatus status = group.replica(follower).status();
      assertThat(status.role()).isEqualTo(ReplicaRole.FOLLOWER);
      assertThat(status.leader()).contains(leader);
      assertThat(status.replicas()).containsExactlyElementsOf(group.ids());
      assertThat(status.lastAppliedIndex()).isGreaterThanOrEqualTo(30);
      group.assertAtMostOneLeaderPerTerm();
    }
  }

  @Test
  void aCommandTheStateThrowsOnFailsAloneAndTheGroupCarriesOnThroughSnapshots() throws Exception {
    try (LocalGroup group =
        new LocalGroup(3, root, RaftTimings.DEFAULT, new SnapshotPolicy(3, 2)).startAll()) {
      ReplicaId leader = group.awaitLeader(WITHIN);
      ConsensusGroup replica = group.replica(leader);
      List<Long> applied = new ArrayList<>();
      for (long v = 1; v <= 12; v++) {
        if (v % 4 == 0) {
          assertThat(replica.submit(AppendOnlyLongs.command(-v)))
              .failsWithin(Duration.ofSeconds(10))
              .withThrowableOfType(ExecutionException.class)
              .withCauseInstanceOf(IllegalStateException.class)
              .withMessageContaining("negative value");
        } else {
          replica.submit(AppendOnlyLongs.command(v)).get(10, TimeUnit.SECONDS);
          applied.add(v);
        }
      }
      group.awaitAllHold(applied, WITHIN);
      assertThat(group.runningIds()).hasSize(3);
      assertThat(group.ids())
          .allSatisfy(
              id ->
                  assertThat(group.replica(id).status().role()).isNotEqualTo(ReplicaRole.STOPPED));
    }
  }

  @Test
  void oneReplicaIsAGroupOfItsOwn() throws Exception {
    try (LocalGroup group =
        new LocalGroup(1, root, RaftTimings.DEFAULT, SnapshotPolicy.DEFAULT).startAll()) {
      ReplicaId only = group.awaitLeader(WITHIN);
      ConsensusGroup replica = group.replica(only);

      assertThat(
              AppendOnlyLongs.sizeIn(
                  replica.submit(AppendOnlyLongs.command(7)).get(10, TimeUnit.SECONDS)))
          .isEqualTo(1);
      assertThat(AppendOnlyLongs.decode(replica.query(new byte[0]).get(10, TimeUnit.SECONDS)))
          .containsExactly(7L);
      assertThat(replica.status().leader()).contains(only);
    }
  }

  @Test
  void twoOrFourReplicasAreRejected() {
    for (int size : new int[] {2, 4}) {
      Map<ReplicaId, InetSocketAddress> peers = new LinkedHashMap<>();
      for (int i = 1; i <= size; i++) {
        peers.put(
            ReplicaId.of("c" + i),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000 + i));
      }
      assertThatThrownBy(
              () ->
                  RatisConsensusGroup.start(ReplicaId.of("c1"), peers, root, new AppendOnlyLongs()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1, 3 or 5 replicas, got " + size);
    }
  }

  @Test
  void aReplicaMustBeAmongItsPeers() {
    Map<ReplicaId, InetSocketAddress> peers =
        Map.of(ReplicaId.of("c1"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 9001));
    assertThatThrownBy(
            () -> RatisConsensusGroup.start(ReplicaId.of("c9"), peers, root, new AppendOnlyLongs()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c9");
  }

  @Test
  void closeIsIdempotentAndLaterCallsFailTyped() throws Exception {
    try (LocalGroup group =
        new LocalGroup(1, root, RaftTimings.DEFAULT, SnapshotPolicy.DEFAULT).startAll()) {
      ConsensusGroup replica = group.replica(group.awaitLeader(WITHIN));
      replica.close();
      replica.close();

      assertThat(replica.status().role()).isEqualTo(ReplicaRole.STOPPED);
      assertThat(replica.submit(AppendOnlyLongs.command(1)))
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(ConsensusUnavailableException.class);
    }
  }
}
