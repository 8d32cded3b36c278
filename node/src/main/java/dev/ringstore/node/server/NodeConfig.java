package dev.ringstore.node.server;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.storage.Durability;
import dev.ringstore.ring.RingSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a storage node is started with. Build it with {@link #defaults} and the {@code
 * with...} methods; each default is a named constant beside its field.
 *
 * @param id the node's id
 * @param listen where the Ringstore protocol is served
 * @param http where /metrics and /health are served; null for none
 * @param dataDir the data directory (RocksDB and the node's identity)
 * @param durability when a write is acknowledged, relative to its WAL sync
 * @param storageThreads threads that run blocking storage reads (cache misses, scans, hints); 0
 *     (the default) is {@value #STORAGE_THREADS_PER_CORE} per core. Data writes do not use them:
 *     the engine's one writer thread applies them in group commits, whatever the durability
 * @param storageQueue requests waiting for a storage thread before OVERLOADED, default {@value
 *     #STORAGE_QUEUE_DEFAULT}
 * @param storageQueueBytes the key and value bytes of writes accepted and not yet written (client
 *     puts, replica puts, transfer entries, hints) before OVERLOADED; a count alone lets 16,384
 *     queued 8 MiB puts hold 128 GiB. 0 (the default) is a quarter of the maximum heap, at most
 *     {@value #STORAGE_QUEUE_BYTES_MAX_AUTO} and at least {@value #STORAGE_QUEUE_BYTES_MIN_AUTO}
 * @param ioThreads threads of the node's one Netty event-loop group (clients, other nodes, the
 *     config service); 0 (the default) is one per {@value #CORES_PER_IO_THREAD} cores, at least one
 *     (docs/performance.md: on two cores one loop beat two by a third in throughput, because a
 *     request and its replica messages then never change threads)
 * @param limits request limits
 * @param ring bucket count (keys are stored bucket-prefixed), replicas, tokens
 * @param cluster the other members, request defaults and hinted handoff's limits
 */
public record NodeConfig(
    NodeId id,
    InetSocketAddress listen,
    InetSocketAddress http,
    Path dataDir,
    Durability durability,
    int storageThreads,
    int storageQueue,
    long storageQueueBytes,
    int ioThreads,
    RequestLimits limits,
    RingSettings ring,
    ClusterSettings cluster) {
  public static final Durability DURABILITY_DEFAULT = Durability.FSYNC;
  public static final int STORAGE_THREADS_DEFAULT = 0;
  public static final int STORAGE_THREADS_PER_CORE = 2;
  public static final int STORAGE_QUEUE_DEFAULT = 10_000;
  public static final long STORAGE_QUEUE_BYTES_DEFAULT = 0;

  /**
   * The automatic byte bound's ceiling, 256 MiB: 32 values of the largest size, thousands of
   * typical ones, more than the writer drains in a second; beyond it queueing only adds latency.
   */
  public static final long STORAGE_QUEUE_BYTES_MAX_AUTO = 256L << 20;

  /** Its floor, 16 MiB: two values of the largest size, whatever the heap. */
  public static final long STORAGE_QUEUE_BYTES_MIN_AUTO = 16L << 20;

  public static final int IO_THREADS_DEFAULT = 0;
  public static final int CORES_PER_IO_THREAD = 4;

  public NodeConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(ring, "ring");
    Objects.requireNonNull(cluster, "cluster");
    if (storageThreads < 0 || storageQueue < 1 || storageQueueBytes < 0) {
      throw new IllegalArgumentException(
          "storage threads and queue bytes must be 0 (auto) or more, queue positive");
    }
    if (ioThreads < 0) {
      throw new IllegalArgumentException("io threads must be 0 (auto) or more");
    }
  }

  /** The event-loop threads to start: {@link #ioThreads}, or one per four cores. */
  public int effectiveIoThreads() {
    if (ioThreads > 0) {
      return ioThreads;
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors() / CORES_PER_IO_THREAD);
  }

  /** The storage threads to start: {@link #storageThreads}, or the default per core. */
  public int effectiveStorageThreads() {
    if (storageThreads > 0) {
      return storageThreads;
    }
    return STORAGE_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
  }

  /**
   * The byte bound on queued writes: {@link #storageQueueBytes}, or a quarter of the heap (a write
   * makes a few copies of its value while it is applied and replicated) within the auto bounds.
   */
  public long effectiveStorageQueueBytes() {
    if (storageQueueBytes > 0) {
      return storageQueueBytes;
    }
    long quarterHeap = Runtime.getRuntime().maxMemory() / 4;
    return Math.max(
        STORAGE_QUEUE_BYTES_MIN_AUTO, Math.min(STORAGE_QUEUE_BYTES_MAX_AUTO, quarterHeap));
  }

  public static NodeConfig defaults(NodeId id, InetSocketAddress listen, Path dataDir) {
    return new NodeConfig(
        id,
        listen,
        null,
        dataDir,
        DURABILITY_DEFAULT,
        STORAGE_THREADS_DEFAULT,
        STORAGE_QUEUE_DEFAULT,
        STORAGE_QUEUE_BYTES_DEFAULT,
        IO_THREADS_DEFAULT,
        RequestLimits.DEFAULTS,
        RingSettings.DEFAULTS,
        ClusterSettings.SINGLE_NODE);
  }

  public NodeConfig withHttp(InetSocketAddress address) {
    return new NodeConfig(
        id,
        listen,
        address,
        dataDir,
        durability,
        storageThreads,
        storageQueue,
        storageQueueBytes,
        ioThreads,
        limits,
        ring,
        cluster);
  }

  public NodeConfig withDurability(Durability mode) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        mode,
        storageThreads,
        storageQueue,
        storageQueueBytes,
        ioThreads,
        limits,
        ring,
        cluster);
  }

  public NodeConfig withStorageThreads(int threads) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        durability,
        threads,
        storageQueue,
        storageQueueBytes,
        ioThreads,
        limits,
        ring,
        cluster);
  }

  public NodeConfig withStorageQueueBytes(long bytes) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        durability,
        storageThreads,
        storageQueue,
        bytes,
        ioThreads,
        limits,
        ring,
        cluster);
  }

  public NodeConfig withIoThreads(int threads) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        durability,
        storageThreads,
        storageQueue,
        storageQueueBytes,
        threads,
        limits,
        ring,
        cluster);
  }

  public NodeConfig withLimits(RequestLimits newLimits) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        durability,
        storageThreads,
        storageQueue,
        storageQueueBytes,
        ioThreads,
        newLimits,
        ring,
        cluster);
  }

  public NodeConfig withRing(RingSettings settings) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        durability,
        storageThreads,
        storageQueue,
        storageQueueBytes,
        ioThreads,
        limits,
        settings,
        cluster);
  }

  public NodeConfig withCluster(ClusterSettings settings) {
    return new NodeConfig(
        id,
        listen,
        http,
        dataDir,
        durability,
        storageThreads,
        storageQueue,
        storageQueueBytes,
        ioThreads,
        limits,
        ring,
        settings);
  }
}
