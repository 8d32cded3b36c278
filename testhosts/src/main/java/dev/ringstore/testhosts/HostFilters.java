package dev.ringstore.testhosts;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Per-host packet filters for what bridges cannot do: cut single links (a ring partition) and
 * degrade a link (random loss, duplication). One nftables table, {@code ip ringstore}, in the
 * host's own namespace, hooked on output, so the host's outgoing packets are dropped silently (a
 * {@code drop} verdict, never {@code reject}: no RST, no ICMP) and nothing outside our namespaces
 * is touched. {@link #clear} deletes the table; deleting the namespace would too.
 */
final class HostFilters {
  static final String TABLE = "ringstore";
  private static final List<String> SBIN_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

  private final Iproute ip;
  private final NetworkLayout layout;
  private final String nft;
  private final Set<String> filtered = new LinkedHashSet<>();

  HostFilters(Iproute ip, NetworkLayout layout, String nft) {
    this.ip = ip;
    this.layout = layout;
    this.nft = nft;
  }

  /** Finds {@code nft} (the nftables package) on PATH or in the sbin directories. */
  static Optional<String> locate() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), SBIN_DIRS.stream())
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "nft"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }

  /** {@code host} silently drops every packet it sends to {@code peers}. */
  void cut(String host, Set<String> peers) {
    ensureTable(host);
    for (String peer : peers) {
      rule(host, "ip", "daddr", layout.address(peer).getHostAddress(), "drop");
    }
  }

  /** {@code host}'s packets to the test network are duplicated, then dropped, at random. */
  void degrade(String host, LinkFaults faults) {
    ensureTable(host);
    String subnet = layout.address(layout.hosts().get(0)).getHostAddress().replaceAll("\\d+$", "0");
    String net = subnet + "/" + NetworkLayout.PREFIX_LENGTH;
    if (faults.duplicatePercent() > 0) {
      rule(
          host,
          "ip",
          "daddr",
          net,
          "numgen",
          "random",
          "mod",
          "100",
          "<",
          Integer.toString(faults.duplicatePercent()),
          "dup",
          "to",
          "ip",
          "daddr");
    }
    if (faults.lossPercent() > 0) {
      rule(
          host,
          "ip",
          "daddr",
          net,
          "numgen",
          "random",
          "mod",
          "100",
          "<",
          Integer.toString(faults.lossPercent()),
          "drop");
    }
  }

  /** Deletes the table of every host that has one. */
  void clear() {
    for (String host : List.copyOf(filtered)) {
      nft(host, "delete", "table", "ip", TABLE);
      filtered.remove(host);
    }
  }

  private void ensureTable(String host) {
    if (filtered.add(host)) {
      nft(host, "add", "table", "ip", TABLE);
      nft(
          host,
          "add",
          "chain",
          "ip",
          TABLE,
          "output",
          "{",
          "type",
          "filter",
          "hook",
          "output",
          "priority",
          "0",
          ";",
          "}");
    }
  }

  private void rule(String host, String... match) {
    List<String> args = new ArrayList<>(List.of("add", "rule", "ip", TABLE, "output"));
    args.addAll(List.of(match));
    nft(host, args.toArray(String[]::new));
  }

  private void nft(String host, String... args) {
    List<String> argv = new ArrayList<>(List.of("netns", "exec", layout.namespace(host), nft));
    argv.addAll(List.of(args));
    ip.run(argv);
  }
}
