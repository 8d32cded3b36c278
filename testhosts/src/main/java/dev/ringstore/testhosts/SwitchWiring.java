package dev.ringstore.testhosts;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code ip} commands that build, re-cable and tear down one {@link NetworkLayout}. Every
 * command names a namespace ({@code ip -n ...} or {@code ip netns ...}): nothing is added to the
 * root namespace, not even for a moment, since each veth pair is created in the switch with its
 * peer placed straight into the host.
 */
final class SwitchWiring {
  private final Iproute ip;
  private final NetworkLayout layout;
  private int bridges;

  SwitchWiring(Iproute ip, NetworkLayout layout) {
    this.ip = ip;
    this.layout = layout;
  }

  /** Namespaces this network's name would make that exist now: leftovers of a crashed run. */
  List<String> leftovers() {
    return ip.run("netns", "list")
        .lines()
        .map(line -> line.split("\\s+", 2)[0])
        .filter(layout::owns)
        .toList();
  }

  /** Kills whatever still runs in {@code namespace}, then deletes it (which deletes its veths). */
  void delete(String namespace) {
    ip.run("netns", "pids", namespace)
        .lines()
        .map(String::strip)
        .filter(pid -> pid.matches("\\d+"))
        .forEach(
            pid -> ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
    ip.run("netns", "del", namespace);
  }

  void addNamespace(String namespace) {
    ip.run("netns", "add", namespace);
  }

  /** In {@code host}'s new namespace: loopback up, and a veth pair to the switch, on bridge 0. */
  void addHost(String host) {
    String ns = layout.namespace(host);
    String sw = layout.switchNamespace();
    String eth = NetworkLayout.HOST_INTERFACE;
    ip.run("-n", ns, "link", "set", "lo", "up");
    ip.run(
        "-n",
        sw,
        "link",
        "add",
        layout.port(host),
        "address",
        layout.portMac(host),
        "type",
        "veth",
        "peer",
        "name",
        eth,
        "address",
        layout.hostMac(host),
        "netns",
        ns);
    ip.run("-n", ns, "addr", "add", layout.cidr(host), "dev", eth);
    ip.run("-n", ns, "link", "set", eth, "up");
    ip.run("-n", sw, "link", "set", layout.port(host), "master", NetworkLayout.bridge(0), "up");
  }

  /**
   * Fixes every other host's MAC in {@code host}'s neighbour table. Without it a host that stops
   * getting ARP replies during a partition marks the peer failed and the kernel answers its own
   * connects with "no route to host"; with it, packets are sent and simply never arrive, the way
   * they vanish in a real network split.
   */
  void pinNeighbours(String host) {
    for (String other : layout.hosts()) {
      if (!other.equals(host)) {
        ip.run(
            "-n",
            layout.namespace(host),
            "neigh",
            "replace",
            layout.address(other).getHostAddress(),
            "lladdr",
            layout.hostMac(other),
            "dev",
            NetworkLayout.HOST_INTERFACE,
            "nud",
            "permanent");
      }
    }
  }

  /** Moves each host's port onto its bridge, creating bridges that do not exist yet. */
  void cable(Map<String, Integer> bridgeOf) {
    addBridges(bridgeOf.values().stream().mapToInt(b -> b + 1).max().orElse(1));
    bridgeOf.forEach(
        (host, bridge) ->
            ip.run(
                "-n",
                layout.switchNamespace(),
                "link",
                "set",
                layout.port(host),
                "master",
                NetworkLayout.bridge(bridge)));
  }

  /** Creates bridges in the switch until there are {@code count}. */
  void addBridges(int count) {
    for (; bridges < count; bridges++) {
      String sw = layout.switchNamespace();
      String bridge = NetworkLayout.bridge(bridges);
      ip.run("-n", sw, "link", "add", bridge, "type", "bridge");
      ip.run("-n", sw, "link", "set", bridge, "up");
    }
  }

  /** The argv that runs {@code argv} inside {@code host}'s namespace. */
  List<String> command(String host, List<String> argv) {
    return Stream.concat(
            Stream.of(ip.binary(), "netns", "exec", layout.namespace(host)), argv.stream())
        .toList();
  }
}
