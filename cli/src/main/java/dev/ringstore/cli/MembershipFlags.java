package dev.ringstore.cli;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ConfigMembership;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code ringstore node} finds its cluster: a static member list ({@code --peers}), or the
 * config service ({@code --config}, with {@code --zone}), which hands out the table and its
 * changes. The two exclude each other.
 */
final class MembershipFlags {
  @Option(
      names = "--peers",
      paramLabel = "ID=HOST:PORT,...",
      description =
          "A static member list: every member with its protocol address, this node included."
              + " Default: this node alone, unless --config is given.")
  String peerList; // picocli would parse a Map field as KEY=VALUE pairs itself: PeerList does it

  @Option(
      names = "--config",
      split = ",",
      converter = HostPort.class,
      paramLabel = "HOST:PORT",
      description =
          "Follow the config service at these client addresses (comma-separated): ask to join,"
              + " and route by the tables it commits. Excludes --peers.")
  List<InetSocketAddress> config;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "The zone this node asks to join in (with --config); replicas of a bucket spread over"
              + " zones. Default: none.")
  String zone;

  /** The static member list; empty with --config or without --peers. */
  Map<NodeId, InetSocketAddress> peers(NodeId self) {
    check();
    if (peerList == null) {
      return Map.of();
    }
    Map<NodeId, InetSocketAddress> peers;
    try {
      peers = new PeerList().convert(peerList);
    } catch (TypeConversionException e) {
      throw new IllegalArgumentException("Invalid value for option '--peers': " + e.getMessage());
    }
    if (!peers.containsKey(self)) {
      throw new IllegalArgumentException("--peers must list this node (" + self + ") too");
    }
    return peers;
  }

  /** The config service to follow; null without --config. */
  ConfigMembership membership() {
    check();
    if (config == null || config.isEmpty()) {
      return null;
    }
    return new ConfigMembership(
        config.stream().map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList(),
        zone);
  }

  private void check() {
    boolean following = config != null && !config.isEmpty();
    if (following && peerList != null) {
      throw new IllegalArgumentException(
          "--peers and --config exclude each other: a node follows either a static member list or"
              + " the config service");
    }
    if (zone != null && !following) {
      throw new IllegalArgumentException(
          "--zone needs --config: the config service places nodes by zone");
    }
    if (zone != null && zone.isBlank()) {
      throw new IllegalArgumentException("--zone must not be blank");
    }
  }
}
