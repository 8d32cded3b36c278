package dev.ringstore.testhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code ip} commands a network issues, recorded instead of run: no root needed. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TestNetworkTest {
  private final RecordingIproute ip = new RecordingIproute();

  @Test
  void commandRunsTheArgvInTheHostsNamespace() {
    try (TestNetwork network = TestNetwork.create("t", List.of("a", "b"), ip)) {
      assertThat(network.command("b", List.of("java", "-version")))
          .containsExactly("/sbin/ip", "netns", "exec", "t-b", "java", "-version");
    }
  }

  @Test
  void everyCommandNamesANamespaceSoTheRootNamespaceIsNeverTouched() {
    try (TestNetwork network = TestNetwork.create("t", List.of("a", "b", "c"), ip)) {
      network.partition(Set.of("a"), Set.of("b", "c"));
      network.heal();
    }
    assertThat(ip.commands)
        .allSatisfy(args -> assertThat(args.get(0)).isIn("-n", "netns"))
        .filteredOn(args -> args.contains("addr"))
        .allSatisfy(args -> assertThat(args).anyMatch(arg -> arg.startsWith("198.18.0.")));
  }

  @Test
  void leftoversOfTheSameNameAreDeletedBeforeAnythingIsAdded() {
    ip.namespaces = "t-sw (id: 0)\nt-old\ntx-a\nother\n";
    TestNetwork.create("t", List.of("a"), ip).close();
    List<String> deletedFirst =
        ip.commands.stream()
            .takeWhile(args -> !args.equals(List.of("netns", "add", "t-sw")))
            .filter(args -> args.get(1).equals("del"))
            .map(args -> args.get(2))
            .toList();
    assertThat(deletedFirst).containsExactly("t-sw", "t-old");
  }

  @Test
  void partitionMovesEachSidesPortsOntoItsOwnBridgeAndHealMovesThemBack() {
    try (TestNetwork network = TestNetwork.create("t", List.of("a", "b", "c"), ip)) {
      ip.commands.clear();
      network.partition(Set.of("a", "b"), Set.of("c"));
      assertThat(ip.commands)
          .contains(
              List.of("-n", "t-sw", "link", "add", "br1", "type", "bridge"),
              List.of("-n", "t-sw", "link", "set", "v1", "master", "br0"),
              List.of("-n", "t-sw", "link", "set", "v2", "master", "br1"));
      ip.commands.clear();
      network.heal();
      assertThat(ip.commands).contains(List.of("-n", "t-sw", "link", "set", "v2", "master", "br0"));
      assertThat(ip.commands).noneMatch(args -> args.contains("add"));
    }
  }

  @Test
  void aCutDropsSilentlyInTheSendersOwnNamespaceAndHealDeletesTheRules() {
    try (TestNetwork network = TestNetwork.create("t", List.of("a", "b", "c"), ip, "/sbin/nft")) {
      ip.commands.clear();
      network.cut(Map.of("a", Set.of("c")));
      assertThat(ip.commands)
          .containsExactly(
              List.of("netns", "exec", "t-a", "/sbin/nft", "add", "table", "ip", "ringstore"),
              List.of(
                  "netns",
                  "exec",
                  "t-a",
                  "/sbin/nft",
                  "add",
                  "chain",
                  "ip",
                  "ringstore",
                  "output",
                  "{",
                  "type",
                  "filter",
                  "hook",
                  "output",
                  "priority",
                  "0",
                  ";",
                  "}"),
              List.of(
                  "netns",
                  "exec",
                  "t-a",
                  "/sbin/nft",
                  "add",
                  "rule",
                  "ip",
                  "ringstore",
                  "output",
                  "ip",
                  "daddr",
                  "198.18.0.3",
                  "drop"));
      assertThat(ip.commands).noneMatch(args -> args.contains("reject"));
      ip.commands.clear();
      network.heal();
      assertThat(ip.commands)
          .contains(
              List.of("netns", "exec", "t-a", "/sbin/nft", "delete", "table", "ip", "ringstore"))
          .noneMatch(args -> args.contains("t-b") && args.contains("delete"));
      ip.commands.clear();
      network.heal();
      assertThat(ip.commands).noneMatch(args -> args.contains("/sbin/nft"));
    }
  }

  @Test
  void aDegradedHostDuplicatesAndDropsAtRandomWhatItSendsToTheTestNetwork() {
    try (TestNetwork network = TestNetwork.create("t", List.of("a", "b"), ip, "/sbin/nft")) {
      ip.commands.clear();
      network.degrade(Set.of("b"), new LinkFaults(10, 5));
      assertThat(ip.commands)
          .contains(
              List.of(
                  "netns",
                  "exec",
                  "t-b",
                  "/sbin/nft",
                  "add",
                  "rule",
                  "ip",
                  "ringstore",
                  "output",
                  "ip",
                  "daddr",
                  "198.18.0.0/24",
                  "numgen",
                  "random",
                  "mod",
                  "100",
                  "<",
                  "5",
                  "dup",
                  "to",
                  "ip",
                  "daddr"),
              List.of(
                  "netns",
                  "exec",
                  "t-b",
                  "/sbin/nft",
                  "add",
                  "rule",
                  "ip",
                  "ringstore",
                  "output",
                  "ip",
                  "daddr",
                  "198.18.0.0/24",
                  "numgen",
                  "random",
                  "mod",
                  "100",
                  "<",
                  "10",
                  "drop"));
      assertThat(ip.commands).noneMatch(args -> args.contains("t-a"));
    }
  }

  @Test
  void cutsAndDegradationsNameOnlyHostsOfTheNetwork() {
    try (TestNetwork network = TestNetwork.create("t", List.of("a", "b"), ip, "/sbin/nft")) {
      assertThatThrownBy(() -> network.cut(Map.of("a", Set.of("z"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no host 'z'");
      assertThatThrownBy(() -> new LinkFaults(101, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closeDeletesEveryNamespaceOnceAndThenRefusesWork() {
    TestNetwork network = TestNetwork.create("t", List.of("a", "b"), ip);
    ip.commands.clear();
    network.close();
    network.close();
    assertThat(ip.commands)
        .filteredOn(args -> args.get(1).equals("del"))
        .extracting(args -> args.get(2))
        .containsExactly("t-b", "t-a", "t-sw");
    assertThatThrownBy(network::heal).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedSetupDeletesWhatItMadeAndSaysWhichCommandFailed() {
    ip.failOn = List.of("netns", "add", "t-b");
    assertThatThrownBy(() -> TestNetwork.create("t", List.of("a", "b"), ip))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("netns add t-b");
    assertThat(ip.commands)
        .filteredOn(args -> args.get(1).equals("del"))
        .extracting(args -> args.get(2))
        .containsExactly("t-a", "t-sw");
  }

  private static final class RecordingIproute implements Iproute {
    final List<List<String>> commands = new ArrayList<>();
    String namespaces = "";
    List<String> failOn = List.of();

    @Override
    public String run(List<String> args) {
      commands.add(List.copyOf(args));
      if (args.equals(failOn)) {
        throw new CommandFailedException(args, 1, "File exists");
      }
      return args.equals(List.of("netns", "list")) ? namespaces : "";
    }

    @Override
    public String binary() {
      return "/sbin/ip";
    }
  }
}
