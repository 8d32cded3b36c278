package dev.ringstore.config.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.ConsensusUnavailableException;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.SnapshotPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader of three dies while a client keeps writing: a new leader takes over, no acknowledged
 * command is lost, duplicated or reordered, and the dead replica catches up when it comes back.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LeaderFailoverTest {
  /** Generous, for a loaded CI box; the expected figure (a few seconds) is in the docs. */
  private static final Duration REELECTION_BOUND = Duration.ofSeconds(15);

  @TempDir Path root;

  @Test
  void aNewLeaderTakesOverWithoutLosingOrReorderingAcknowledgedCommands() throws Exception {
    try (LocalGroup group =
        new LocalGroup(3, root, RaftTimings.DEFAULT, SnapshotPolicy.DEFAULT).startAll()) {
      ReplicaId oldLeader = group.awaitLeader(Duration.ofSeconds(15));
      long oldTerm = group.replica(oldLeader).status().term();
      ReplicaId via = group.othersThan(oldLeader).get(0);
      Writer writer = new Writer(group.replica(via));
      Thread writing = new Thread(writer, "test-writer");
      writing.start();
      try {
        writer.awaitAcknowledged(20);

        long killedAt = System.nanoTime();
        group.kill(oldLeader);
        ReplicaId newLeader = group.awaitLeader(oldTerm, REELECTION_BOUND);
        Duration reelection = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf(
            "leader %s killed; %s leads after %d ms%n",
            oldLeader, newLeader, reelection.toMillis());
        assertThat(reelection).isLessThan(REELECTION_BOUND);

        writer.awaitAcknowledged(writer.acknowledged().size() + 20);
      } finally {
        writer.stop();
        writing.join(TimeUnit.SECONDS.toMillis(20));
      }
      assertThat(writer.unexpected).isEmpty();
      System.out.printf(
          "%d commands acknowledged, %d failed while there was no leader%n",
          writer.acknowledged().size(), writer.failed.get());

      List<Long> acknowledged = writer.acknowledged();
      ReplicaId survivor = group.othersThan(oldLeader).get(0);
      List<Long> committed = converged(group);
      assertThat(new HashSet<>(committed)).as("no command applied twice").hasSize(committed.size());
      assertThat(committed).as("acknowledged commands, in order").containsSubsequence(acknowledged);
      assertThat(committed).containsAll(acknowledged);
      group.assertAtMostOneLeaderPerTerm();

      group.start(oldLeader);
      group.awaitAllHold(group.state(survivor).values(), Duration.ofSeconds(20));
      group.assertAtMostOneLeaderPerTerm();
    }
  }

  /** Waits until every running replica holds the same sequence; returns it. */
  private static List<Long> converged(LocalGroup group) {
    LocalGroup.await(
        () -> Set.copyOf(group.currentValues().values()).size() == 1,
        Duration.ofSeconds(20),
        () -> "replicas never converged: " + group.currentValues());
    return group.currentValues().values().iterator().next();
  }

  /**
   * Submits 1, 2, 3, ... one at a time through one replica, recording which were acknowledged. A
   * value whose submit failed is never sent again, so every value is unique.
   */
  private static final class Writer implements Runnable {
    private final ConsensusGroup via;
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    Writer(ConsensusGroup via) {
      this.via = via;
    }

    @Override
    public void run() {
      for (long value = 1; !stopped.get() && value < 100_000; value++) {
        try {
          via.submit(AppendOnlyLongs.command(value)).get(30, TimeUnit.SECONDS);
          acknowledged.add(value);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof ConsensusUnavailableException) {
            failed.incrementAndGet();
          } else {
            unexpected.add(e.getCause());
          }
        } catch (Exception e) {
          unexpected.add(e);
          return;
        }
      }
    }

    void awaitAcknowledged(int count) {
      LocalGroup.await(
          () -> acknowledged.size() >= count || !unexpected.isEmpty(),
          Duration.ofSeconds(30),
          () -> "only " + acknowledged.size() + " of " + count + " commands acknowledged");
      assertThat(unexpected).isEmpty();
    }

    List<Long> acknowledged() {
      return new ArrayList<>(acknowledged);
    }

    void stop() {
      stopped.set(true);
    }
  }
}
