package dev.ringstore.node.server;

import dev.ringstore.gossip.Gossiper;
import dev.ringstore.gossip.LoadSummary;
import dev.ringstore.gossip.MemberState;
import dev.ringstore.gossip.MemberStatus;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.PeerGossipTransport;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.node.storage.StorageStats;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds a node's {@link Gossiper}: its address as the other members know it, a generation one
 * above the last this data directory used (a counter in {@code meta}, synced before the node
 * gossips, so a restart is always recognised as one even when clocks step back), every peer as a
 * seed, and gossip over the node protocol.
 */
final class NodeGossip {
  static final String GENERATION_META = "gossip.generation";

  private NodeGossip() {}

  static Gossiper gossiper(
      NodeConfig config,
      StorageEngine storage,
      ClusterView cluster,
      ReplicaTransport transport,
      InstantSource clock,
      RandomGenerator random) {
    String address =
        PeerGossipTransport.hostPort(cluster.address(config.id()).orElse(config.listen()));
    MemberState self =
        MemberState.initial(config.id(), address, null, nextGeneration(storage), MemberStatus.UP);
    List<String> seeds =
        cluster.knownNodes().stream()
            .flatMap(id -> cluster.address(id).stream())
            .map(PeerGossipTransport::hostPort)
            .toList();
    Gossiper gossiper =
        new Gossiper(
            self,
            seeds,
            new PeerGossipTransport(cluster, transport),
            clock,
            random,
            config.cluster().gossip());
    gossiper.setTableVersion(cluster.table().version());
    return gossiper;
  }

  /** What this node stores, in brief, as gossip carries it: RocksDB's estimates, cheap to read. */
  static LoadSummary load(StorageEngine storage) {
    StorageStats stats = storage.stats();
    return new LoadSummary(
        Math.max(0, stats.approximateKeys()),
        Math.max(0, stats.liveSstBytes() + stats.memtableBytes()));
  }

  private static long nextGeneration(StorageEngine storage) {
    long last =
        storage.meta(GENERATION_META).map(bytes -> ByteBuffer.wrap(bytes).getLong()).orElse(0L);
    long next = last + 1;
    storage.putMeta(GENERATION_META, ByteBuffer.allocate(Long.BYTES).putLong(next).array());
    return next;
  }
}
