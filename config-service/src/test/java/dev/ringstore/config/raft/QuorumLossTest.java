package dev.ringstore.config.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.ConsensusUnavailableException;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.SnapshotPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Without a majority, commands and queries fail with the typed exception at their deadline. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QuorumLossTest {
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final RaftTimings TIMINGS = RaftTimings.DEFAULT.withCommitDeadline(DEADLINE);

  @TempDir Path root;

  @Test
  void withTwoOfThreeDownCallsFailAtTheDeadlineAndRecoverWithTheMajority() throws Exception {
    try (LocalGroup group = new LocalGroup(3, root, TIMINGS, SnapshotPolicy.DEFAULT).startAll()) {
      ReplicaId leader = group.awaitLeader(Duration.ofSeconds(15));
      group.replica(leader).submit(AppendOnlyLongs.command(1)).get(15, TimeUnit.SECONDS);
      List<ReplicaId> others = group.othersThan(leader);
      ReplicaId survivor = others.get(0);
      group.kill(leader);
      group.kill(others.get(1));
      ConsensusGroup alone = group.replica(survivor);

      assertFailsAtDeadline(
          () -> alone.submit(AppendOnlyLongs.command(2)).get(30, TimeUnit.SECONDS));
      assertFailsAtDeadline(() -> alone.query(new byte[0]).get(30, TimeUnit.SECONDS));

      group.start(leader);
      byte[] reply = alone.submit(AppendOnlyLongs.command(3)).get(20, TimeUnit.SECONDS);
      assertThat(AppendOnlyLongs.sizeIn(reply)).isBetween(2L, 3L);
      group.assertAtMostOneLeaderPerTerm();
    }
  }

  private static void assertFailsAtDeadline(Call call) {
    long start = System.nanoTime();
    Throwable failure = null;
    try {
      call.run();
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (Exception e) {
      failure = e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(failure).isInstanceOf(ConsensusUnavailableException.class);
    assertThat(took)
        .as("failed after %s with %s", took, failure)
        .isBetween(DEADLINE.minusMillis(100), DEADLINE.plusSeconds(2));
  }

  private interface Call {
    void run() throws Exception;
  }
}
