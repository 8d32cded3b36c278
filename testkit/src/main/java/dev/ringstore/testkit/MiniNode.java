package dev.ringstore.testkit;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.node.cluster.ConfigBootstrap;
import dev.ringstore.node.cluster.ConfigLink;
import dev.ringstore.node.server.ClusterNode;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.storage.RocksDbStorageEngine;
import dev.ringstore.node.storage.StorageConfig;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.protocol.v1.NodeRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node of a {@link MiniCluster}: real RocksDB storage in its own data directory and the real
 * request path, attached to the simulated network. Killing it closes both and detaches it;
 * restarting opens the same directory again (a new incarnation only after an unclean stop).
 */
public final class MiniNode {
  private final NodeConfig config;
  private final SimulatedNetwork network;
  private final ManualClock clock;
  private final long seed;
  private final ConfigClient configService;
  private RocksDbStorageEngine storage;
  private ClusterNode node;
  private SimpleMeterRegistry registry;

  MiniNode(NodeConfig config, SimulatedNetwork network, ManualClock clock, long seed) {
    this(config, network, clock, seed, null);
  }

  /** A node that follows the config service behind {@code config} (null: the static peer list). */
  MiniNode(
      NodeConfig config,
      SimulatedNetwork network,
      ManualClock clock,
      long seed,
      ConfigClient configService) {
    this.config = config;
    this.configService = configService;
    this.network = network;
    this.clock = clock;
    this.seed = seed;
  }

  public NodeId id() {
    return config.id();
  }

  public NodeConfig config() {
    return config;
  }

  Path dataDir() {
    return config.dataDir();
  }

  public synchronized boolean isRunning() {
    return node != null;
  }

  synchronized void start() {
    if (node != null) {
      return;
    }
    storage =
        RocksDbStorageEngine.open(
            StorageConfig.defaults(config.dataDir()).withDurability(config.durability()),
            config.id(),
            new Random(seed ^ System.nanoTime()));
    ConfigLink link = null;
    if (configService != null) {
      NodeRecord self =
          NodeRecord.newBuilder()
              .setId(config.id().value())
              .setAddress(config.listen().getHostString() + ":" + config.listen().getPort())
              .build();
      link = ConfigBootstrap.start(configService, self, storage, Duration.ofMillis(20));
    }
    registry = new SimpleMeterRegistry();
    node =
        ClusterNode.start(
            config,
            storage,
            view -> network.transportFor(config.id()),
            clock,
            new Random(seed),
            registry,
            link);
    network.attach(config.id(), node.handler());
  }

  synchronized void stop() {
    if (node == null) {
      return;
    }
    network.detach(config.id());
    node.close();
    storage.close();
    node = null;
    storage = null;
    registry = null;
  }

  /** This replica's own copy of {@code key}, read from its storage (the node must be running). */
  public synchronized DottedVersionVectorSet stored(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return running().storage.get(config.ring().bucketOf(bytes), bytes);
  }

  /**
   * Deletes this replica's copy of {@code bucket}, as {@code BucketCleaner} does once the bucket
   * has been owned by others for the grace period after a transfer.
   */
  public synchronized void dropBucket(int bucket) {
    running().storage.deleteBucket(bucket);
  }

  /**
   * Writes {@code value} into this replica's own copy of {@code key} only, as a write acknowledged
   * here whose copies to the other replicas were lost and not yet repaired (w=1).
   */
  public synchronized void storeHereOnly(String key, String value) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    StorageEngine engine = running().storage;
    int bucket = config.ring().bucketOf(bytes);
    engine.update(
        bucket,
        bytes,
        set ->
            set.update(
                set.context(),
                value.getBytes(StandardCharsets.UTF_8),
                0,
                engine.actors().forWrite(bucket, set.context().versionVector())));
  }

  /** The keys this replica stores in {@code bucket}, tombstones included. */
  public synchronized long keysIn(int bucket) {
    AtomicLong count = new AtomicLong();
    running().storage.scan(bucket, (key, set) -> count.incrementAndGet());
    return count.get();
  }

  /** The hints this node holds for {@code target}. */
  public synchronized long hintsFor(NodeId target) {
    AtomicLong count = new AtomicLong();
    running()
        .storage
        .scanHints(
            target,
            hint -> {
              count.incrementAndGet();
              return true;
            });
    return count.get();
  }

  /** Every hint this node holds, for any target. */
  public synchronized long hints() {
    return running().storage.hintTargets().stream().mapToLong(this::hintsFor).sum();
  }

  /**
   * Client gets, puts and deletes this node counted, since it last started, as arriving at one of
   * their key's replicas ({@code "replica"}) or elsewhere ({@code "other"}): the {@code
   * ringstore.requests.placement} counter summed over operations.
   */
  public synchronized long requestsAt(String placement) {
    return Math.round(
        running()
            .registry
            .find("ringstore.requests.placement")
            .tag("placement", placement)
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum());
  }

  /** The running node's request path, for its liveness, metrics and a hint pass on demand. */
  public synchronized ClusterNode node() {
    return running().node;
  }

  private MiniNode running() {
    if (node == null) {
      throw new IllegalStateException(config.id() + " is not running");
    }
    return this;
  }
}
