package dev.ringstore.node.cluster;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.GossipSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a node finds and treats the rest of its cluster until gossip and the config service take
 * over: a static member list, the defaults of requests that do not set their own, and hinted
 * handoff's limits. Each default is a named constant beside its field.
 *
 * @param peers every member's id and protocol address, this node included; empty: a cluster of this
 *     node alone
 * @param requestTimeout how long a request waits for its quorum when it sets no timeout, default
 *     {@link #REQUEST_TIMEOUT_DEFAULT}
 * @param maxRequestTimeout the longest timeout a request may ask for, {@link
 *     #MAX_REQUEST_TIMEOUT_DEFAULT}
 * @param probeInterval how often a node that failed is probed to learn it is back, {@link
 *     #PROBE_INTERVAL_DEFAULT}
 * @param hints hinted handoff's window, TTL and replay pace
 * @param gossip gossip's round interval and failure-detector settings
 * @param antiEntropy how often and how fast this node runs Merkle-tree exchanges
 * @param transfer how fast buckets move when ownership changes, and how long old copies stay
 * @param tombstones when deleted keys' tombstones are reaped
 */
public record ClusterSettings(
    Map<NodeId, InetSocketAddress> peers,
    Duration requestTimeout,
    Duration maxRequestTimeout,
    Duration probeInterval,
    HintSettings hints,
    GossipSettings gossip,
    AntiEntropySettings antiEntropy,
    TransferSettings transfer,
    TombstoneSettings tombstones) {
  public static final Duration REQUEST_TIMEOUT_DEFAULT = Duration.ofSeconds(5);
  public static final Duration MAX_REQUEST_TIMEOUT_DEFAULT = Duration.ofMinutes(1);
  public static final Duration PROBE_INTERVAL_DEFAULT = Duration.ofSeconds(1);

  public static final ClusterSettings SINGLE_NODE =
      new ClusterSettings(
          Map.of(),
          REQUEST_TIMEOUT_DEFAULT,
          MAX_REQUEST_TIMEOUT_DEFAULT,
          PROBE_INTERVAL_DEFAULT,
          HintSettings.DEFAULTS,
          GossipSettings.DEFAULTS,
          AntiEntropySettings.DEFAULTS,
          TransferSettings.DEFAULTS,
          TombstoneSettings.DEFAULTS);

  public ClusterSettings {
    peers = Map.copyOf(new TreeMap<>(Objects.requireNonNull(peers, "peers")));
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxRequestTimeout, "maxRequestTimeout");
    Objects.requireNonNull(probeInterval, "probeInterval");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(gossip, "gossip");
    Objects.requireNonNull(antiEntropy, "antiEntropy");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(tombstones, "tombstones");
    if (requestTimeout.isNegative()
        || requestTimeout.isZero()
        || maxRequestTimeout.compareTo(requestTimeout) < 0) {
      throw new IllegalArgumentException(
          "the request timeout must be positive and at most the maximum timeout");
    }
  }

  /** A static cluster of {@code peers} with every other setting at its default. */
  public static ClusterSettings ofPeers(Map<NodeId, InetSocketAddress> peers) {
    return SINGLE_NODE.withPeers(peers);
  }

  public ClusterSettings withPeers(Map<NodeId, InetSocketAddress> newPeers) {
    return new ClusterSettings(
        newPeers,
        requestTimeout,
        maxRequestTimeout,
        probeInterval,
        hints,
        gossip,
        antiEntropy,
        transfer,
        tombstones);
  }

  public ClusterSettings withRequestTimeout(Duration timeout) {
    return new ClusterSettings(
        peers,
        timeout,
        maxRequestTimeout,
        probeInterval,
        hints,
        gossip,
        antiEntropy,
        transfer,
        tombstones);
  }

  public ClusterSettings withProbeInterval(Duration interval) {
    return new ClusterSettings(
        peers,
        requestTimeout,
        maxRequestTimeout,
        interval,
        hints,
        gossip,
        antiEntropy,
        transfer,
        tombstones);
  }

  public ClusterSettings withGossip(GossipSettings newGossip) {
    return new ClusterSettings(
        peers,
        requestTimeout,
        maxRequestTimeout,
        probeInterval,
        hints,
        newGossip,
        antiEntropy,
        transfer,
        tombstones);
  }

  public ClusterSettings withAntiEntropy(AntiEntropySettings settings) {
    return new ClusterSettings(
        peers,
        requestTimeout,
        maxRequestTimeout,
        probeInterval,
        hints,
        gossip,
        settings,
        transfer,
        tombstones);
  }

  public ClusterSettings withAntiEntropyInterval(Duration interval) {
    return withAntiEntropy(antiEntropy.withInterval(interval));
  }

  public ClusterSettings withHints(HintSettings newHints) {
    return new ClusterSettings(
        peers,
        requestTimeout,
        maxRequestTimeout,
        probeInterval,
        newHints,
        gossip,
        antiEntropy,
        transfer,
        tombstones);
  }

  public ClusterSettings withTombstones(TombstoneSettings settings) {
    return new ClusterSettings(
        peers,
        requestTimeout,
        maxRequestTimeout,
        probeInterval,
        hints,
        gossip,
        antiEntropy,
        transfer,
        settings);
  }

  public ClusterSettings withTransfer(TransferSettings settings) {
    return new ClusterSettings(
        peers,
        requestTimeout,
        maxRequestTimeout,
        probeInterval,
        hints,
        gossip,
        antiEntropy,
        settings,
        tombstones);
  }
}
