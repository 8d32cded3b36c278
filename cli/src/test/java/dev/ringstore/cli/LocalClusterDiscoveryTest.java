package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Client commands without --via: finding a node of the local cluster from its data directory. */
@Timeout(60)
class LocalClusterDiscoveryTest {
  @TempDir Path dir;

  private static LocalProcess node(String id, long pid, String listen, Path data) {
    return new LocalProcess("node", id, pid, listen, "127.0.0.1:1", data.toString());
  }

  @Test
  void withoutAClusterOneLineSaysHowToStartOne() {
    CommandRun result = CommandRun.of("get", "k", "--data", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "ringstore: no --via given and no local cluster in "
                + dir
                + ": start one with `ringstore local --data "
                + dir
                + "`");
  }

  @Test
  void theDefaultDirectoryIsNamedAsTheUserKnowsIt() {
    CommandRun result = CommandRun.of("get", "k");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "ringstore: no --via given and no local cluster in ./data/local: start one with"
                + " `ringstore local`");
  }

  @Test
  void skipsDeadAndUnreachableNodesAndUsesTheFirstThatAnswers() throws Exception {
    Path n2 = dir.resolve("n2");
    Path n3 = dir.resolve("n3");
    try (FakeNode live = new FakeNode();
        StandInProcess unreachable = StandInProcess.running(n2);
        StandInProcess answering = StandInProcess.running(n3)) {
      new LocalClusterFile(
              List.of(
                  node("n1", StandInProcess.exitedPid(), "127.0.0.1:1", dir.resolve("n1")),
                  node("n2", unreachable.pid(), "127.0.0.1:" + NodeProcess.freePort(), n2),
                  node("n3", answering.pid(), live.hostPort(), n3)))
          .write(dir);

      CommandRun result = CommandRun.of("put", "k", "v", "--data", dir.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(live.received()).hasSize(1);
    }
  }

  @Test
  void aClusterThatDoesNotAnswerIsReportedInOneLine() throws Exception {
    new LocalClusterFile(
            List.of(node("n1", StandInProcess.exitedPid(), "127.0.0.1:1", dir.resolve("n1"))))
        .write(dir);

    CommandRun result = CommandRun.of("get", "k", "--data", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .contains("the local cluster in " + dir + " does not answer")
        .contains("n1 (pid ")
        .contains("is not running");
  }

  @Test
  void aDamagedClusterFileIsNamedInOneLine() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("local-cluster.json"), "{\"processes\": [{");

    CommandRun result = CommandRun.of("get", "k", "--data", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("cannot read " + dir.resolve("local-cluster.json"));
  }

  @Test
  void configReplicasAreNeverTakenForNodes() throws Exception {
    Path c1 = dir.resolve("c1");
    Path n1 = dir.resolve("n1");
    try (FakeNode replica = new FakeNode();
        FakeNode node = new FakeNode();
        StandInProcess replicaProcess = StandInProcess.running(c1);
        StandInProcess nodeProcess = StandInProcess.running(n1)) {
      new LocalClusterFile(
              List.of(
                  LocalProcess.configReplica(
                      "c1", replicaProcess.pid(), replica.hostPort(), "127.0.0.1:1", c1.toString()),
                  node("n1", nodeProcess.pid(), node.hostPort(), n1)))
          .write(dir);

      CommandRun result = CommandRun.of("put", "k", "v", "--data", dir.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(replica.received()).isEmpty();
      assertThat(node.received()).hasSize(1);
    }
  }

  @Test
  void aStaticClusterHasNoConfigServiceForConfigCommands() throws Exception {
    new LocalClusterFile(
            List.of(node("n1", StandInProcess.exitedPid(), "127.0.0.1:1", dir.resolve("n1"))))
        .write(dir);

    CommandRun result = CommandRun.of("plan", "join", "--data", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "ringstore: the local cluster in "
                + dir
                + " runs without a config service (its nodes have a static --peers list): start"
                + " it with --config-replicas 1, 3 or 5, or give --config HOST:PORT,...");
  }

  @Test
  void withoutAClusterConfigCommandsSayHowToStartOne() {
    CommandRun result = CommandRun.of("ring", "--data", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "ringstore: no --config given and no local cluster in "
                + dir
                + ": start one with `ringstore local --data "
                + dir
                + "`");
  }
}
