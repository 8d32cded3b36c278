package dev.ringstore.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.bench.compare.YcsbRunner.RunSpec;
import dev.ringstore.bench.ycsb.RingstoreConnection;
import dev.ringstore.bench.ycsb.RingstoreYcsbDb;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.testkit.MiniCluster;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import site.ycsb.DB;

/**
 * YCSB run in-process against three nodes on the harness, as the comparison runs it: the load phase
 * inserts every record, a workload's measured window counts its transactions and each kind of call,
 * the warm-up is left out, and a throttled run stays at its target rate.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class YcsbRunnerTest {
  /** The harness cluster as the runner sees a cluster: this JVM is its only server process. */
  private record HarnessCluster(RingstoreConnection connection) implements ServerCluster {
    @Override
    public String system() {
      return "ringstore";
    }

    @Override
    public List<Long> serverPids() {
      return List.of(ProcessHandle.current().pid());
    }

    @Override
    public DB newDb(Properties properties) {
      return new RingstoreYcsbDb(connection);
    }

    @Override
    public long siblingReads() {
      return connection.siblingReads();
    }

    @Override
    public void close() {}
  }

  private static RunSpec spec(String workload, double target, Duration measured) {
    return new RunSpec(
        "ringstore",
        "async",
        "N3 R2 W2",
        workload,
        4,
        target,
        Duration.ofSeconds(1),
        measured,
        ordered());
  }

  /** Keys user0, user1, … in the load and in every run (YCSB hashes them by default). */
  private static Properties ordered() {
    Properties p = new Properties();
    p.setProperty("insertorder", "ordered");
    return p;
  }

  @Test
  void loadsEveryRecordThenMeasuresOnlyTheWindow() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("ycsb").build()) {
            HarnessCluster servers =
                new HarnessCluster(RingstoreConnection.forClient(client, new Properties()));
            YcsbRunner runner = new YcsbRunner(200, null);
            assertThat(runner.load(servers, ordered(), 4)).isZero();
            for (int i = 0; i < 200; i++) {
              assertThat(client.bytes().sync().get("usertable/user" + i).isFound())
                  .as("record user%d", i)
                  .isTrue();
            }

            AtomicInteger ticks = new AtomicInteger();
            RunResult a =
                runner.run(servers, spec("A", 0, Duration.ofSeconds(2)), ticks::addAndGet);
            assertThat(a.errors()).isZero();
            assertThat(a.operations()).isPositive();
            assertThat(a.perOperation()).containsKeys("READ", "UPDATE");
            long calls = a.perOperation().values().stream().mapToLong(s -> s.count()).sum();
            // Calls and transactions differ only by those in flight at the window's edges.
            assertThat(calls).isBetween(a.operations() - 8, a.operations() + 8);
            assertThat(a.seconds()).isBetween(1.9, 3.0);
            assertThat(a.serverCpuMillis()).isPositive();
            assertThat(ticks.get()).isBetween(3, 4);

            RunResult f = runner.run(servers, spec("F", 0, Duration.ofSeconds(2)), s -> {});
            assertThat(f.errors()).isZero();
            // A read-modify-write is one transaction of two calls.
            long fCalls = f.perOperation().values().stream().mapToLong(s -> s.count()).sum();
            assertThat(fCalls).isGreaterThan(f.operations());
          }
        });
  }

  @Test
  void aThrottledRunDoesNotExceedItsTargetRate() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("ycsb").build()) {
            HarnessCluster servers =
                new HarnessCluster(RingstoreConnection.forClient(client, new Properties()));
            YcsbRunner runner = new YcsbRunner(100, null);
            runner.load(servers, ordered(), 4);
            RunResult run = runner.run(servers, spec("C", 50, Duration.ofSeconds(3)), s -> {});
            assertThat(run.targetOpsPerSecond()).isEqualTo(50);
            assertThat(run.opsPerSecond()).isLessThan(50 * 1.3);
            assertThat(run.operations()).isPositive();
          }
        });
  }
}
