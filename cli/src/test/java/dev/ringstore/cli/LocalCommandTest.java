package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ringstore local} refusing what it cannot do before it starts anything; starting real nodes
 * is {@link LocalClusterIT}'s job.
 */
@Timeout(60)
class LocalCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--nodes 0                   | --nodes must be from 1 to 16, not 0",
        "--nodes 3 --base-port 64534 | --base-port must be from 1 to 64533 for 3 nodes",
        "--base-port 0               | --base-port must be from 1",
        "--durability sometimes      | expected fsync or async, not 'sometimes'",
        "--config-replicas 2         | --config-replicas must be 0, 1, 3 or 5, not 2",
        "--config-replicas 7         | --config-replicas must be 0, 1, 3 or 5, not 7"
      })
  void badArgumentsGiveOneLineAndExitTwo(String args, String message) {
    CommandRun result = CommandRun.of(("local --data " + dir + " " + args).split(" +"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void refusesWhileAClusterFromTheSameDirectoryRuns() throws Exception {
    Path n1 = dir.resolve("n1");
    try (StandInProcess running = StandInProcess.running(n1)) {
      new LocalClusterFile(
              List.of(
                  new LocalProcess(
                      "node",
                      "n1",
                      running.pid(),
                      "127.0.0.1:7201",
                      "127.0.0.1:8201",
                      n1.toString())))
          .write(dir);

      CommandRun result = CommandRun.of("local", "--data", dir.toString());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err().strip().lines()).hasSize(1);
      assertThat(result.err())
          .contains("a local cluster from " + dir + " is still running (n1 pid " + running.pid())
          .contains("kill " + running.pid());
      assertThat(Files.exists(dir.resolve("n1").resolve("node.log"))).isFalse();
    }
  }

  @Test
  void refusesPortsInUse() throws Exception {
    int port = CliProcesses.freeBasePort(1, 3);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1000));

      CommandRun result =
          CommandRun.of(
              "local", "--nodes", "1", "--data", dir.toString(), "--base-port", "" + port);

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .contains("port " + taken.getLocalPort() + " (n1's HTTP port) is in use");
    }
  }

  @Test
  void refusesToChangeTheNumberOfConfigReplicasOfAnEarlierRun() throws Exception {
    for (int k = 1; k <= 3; k++) {
      Files.createDirectories(dir.resolve("c" + k));
    }

    CommandRun result = CommandRun.of("local", "--data", dir.toString(), "--config-replicas", "1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .contains(
            dir
                + " holds a config service of 3 replicas (c1..c3) from an earlier run: start it"
                + " with --config-replicas 3");
    assertThat(dir.resolve("n1")).doesNotExist();
  }

  @Test
  void refusesAConfigReplicasPortInUse() throws Exception {
    int port = CliProcesses.freeBasePort(1, 3);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(
          new InetSocketAddress(
              InetAddress.getLoopbackAddress(), port + LocalPorts.CONFIG_CLIENT_OFFSET + 1));

      CommandRun result =
          CommandRun.of(
              "local", "--nodes", "1", "--data", dir.toString(), "--base-port", "" + port);

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .contains("port " + taken.getLocalPort() + " (c2's client port) is in use");
    }
  }
}
