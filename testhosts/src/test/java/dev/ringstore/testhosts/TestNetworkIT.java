package dev.ringstore.testhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes on namespace hosts: reachability, a silent partition, healing, cleanup. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TestNetworkIT {
  private static final int PORT = 7000;
  private static final int CLIENT_TIMEOUT_MILLIS = 3_000;

  private static final Optional<String> UNAVAILABLE = TestNetwork.unavailableReason();

  @TempDir Path logs;

  @BeforeEach
  void requireTestHosts(TestInfo test) {
    UNAVAILABLE.ifPresent(
        why -> System.err.println("SKIPPING " + test.getDisplayName() + ": " + why));
    assumeTrue(UNAVAILABLE.isEmpty(), () -> UNAVAILABLE.orElse(""));
  }

  @Test
  void partitionSilentlyCutsOffTheOtherSideUntilHealed() throws Exception {
    Process server;
    try (TestNetwork network = TestNetwork.create("thpart", List.of("a", "b", "c"))) {
      server = network.start("a", java("EchoServer", String.valueOf(PORT)), logs.resolve("a.log"));
      awaitLine(logs.resolve("a.log"), "listening");

      assertThat(echo(network, "b")).as("b before the partition").isZero();
      assertThat(echo(network, "c")).as("c before the partition").isZero();

      network.partition(Set.of("a", "b"), Set.of("c"));
      assertThat(echo(network, "b")).as("b, on a's side").isZero();
      assertThat(echo(network, "c"))
          .as("c, cut off: silence, not a refusal")
          .isEqualTo(EchoClient.TIMED_OUT);

      network.heal();
      assertThat(echo(network, "c")).as("c after healing").isZero();
    }
    assertThat(server.isAlive()).as("server stopped by close()").isFalse();
    assertThat(ip("netns", "list")).doesNotContain("thpart-");
  }

  /**
   * Regression: without pinned neighbour entries, ARP for a cut-off peer fails within ~3 s and the
   * client's own kernel fails the connect with "no route to host" — a fast refusal a real split
   * does not give. The client waits longer than ARP gives up, and must still only time out.
   */
  @Test
  void aHostCutOffBeforeItsFirstPacketTimesOutInsteadOfGettingNoRouteToHost() throws Exception {
    try (TestNetwork network = TestNetwork.create("tharp", List.of("a", "c"))) {
      network.start("a", java("EchoServer", String.valueOf(PORT)), logs.resolve("a.log"));
      awaitLine(logs.resolve("a.log"), "listening");
      network.partition(Set.of("a"), Set.of("c"));

      assertThat(echo(network, "c", 8_000)).isEqualTo(EchoClient.TIMED_OUT);
    }
  }

  @Test
  void hostsLiveInTheBenchmarkingRangeAndTheRootNamespaceIsUntouched() throws Exception {
    try (TestNetwork network = TestNetwork.create("thaddr", List.of("a", "b"))) {
      assertThat(network.address("a").getHostAddress()).isEqualTo("198.18.0.1");
      assertThat(network.address("b").getHostAddress()).startsWith("198.18.0.");
      assertThat(ip("netns", "exec", network.namespace("b"), "ip", "-o", "addr"))
          .contains("inet 198.18.0.2/24");
      assertThat(ip("-o", "addr")).doesNotContain("198.18.");
      assertThat(ip("route")).doesNotContain("198.18.");
      assertThat(ip("netns", "list")).contains("thaddr-a", "thaddr-b", "thaddr-sw");
    }
    assertThat(ip("netns", "list")).doesNotContain("thaddr-");
  }

  /** Runs EchoClient on {@code host} against a's server; returns its exit code. */
  private static int echo(TestNetwork network, String host) throws Exception {
    return echo(network, host, CLIENT_TIMEOUT_MILLIS);
  }

  private static int echo(TestNetwork network, String host, int timeoutMillis) throws Exception {
    String server = network.address("a").getHostAddress();
    List<String> client =
        java("EchoClient", server, String.valueOf(PORT), String.valueOf(timeoutMillis));
    return run(network.command(host, client), host + " -> a");
  }

  private static List<String> java(String mainClass, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-cp", System.getProperty("java.class.path")));
    argv.add(EchoServer.class.getPackageName() + "." + mainClass);
    argv.addAll(List.of(args));
    return argv;
  }

  private static String ip(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(SystemIproute.locate().orElseThrow()));
    argv.addAll(List.of(args));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", argv) + "\n" + out).isZero();
    return out;
  }

  private static int run(List<String> argv, String what) throws Exception {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    System.out.println(what + ": exit " + exit + ": " + out.strip());
    return exit;
  }

  private static void awaitLine(Path log, String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(log) || !Files.readString(log).contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' in " + log);
      }
      Thread.sleep(50);
    }
  }
}
