package dev.ringstore.node.server;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.Gossiper;
import dev.ringstore.gossip.MemberStatus;
import dev.ringstore.gossip.Membership;
import dev.ringstore.gossip.antientropy.TreeShape;
import dev.ringstore.node.antientropy.AntiEntropyMetrics;
import dev.ringstore.node.antientropy.AntiEntropyResponder;
import dev.ringstore.node.antientropy.AntiEntropyRunner;
import dev.ringstore.node.antientropy.MerkleTrees;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.ConfigClusterView;
import dev.ringstore.node.cluster.ConfigLink;
import dev.ringstore.node.cluster.ConfigSync;
import dev.ringstore.node.cluster.GossipLiveness;
import dev.ringstore.node.cluster.Liveness;
import dev.ringstore.node.cluster.LivenessReportingTransport;
import dev.ringstore.node.cluster.ReachabilityTracker;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.node.cluster.StaticClusterView;
import dev.ringstore.node.cluster.TransferSettings;
import dev.ringstore.node.coordinator.Forwarder;
import dev.ringstore.node.coordinator.LocalReplica;
import dev.ringstore.node.coordinator.ReadCoordinator;
import dev.ringstore.node.coordinator.ReadRepair;
import dev.ringstore.node.coordinator.ReplicaInspector;
import dev.ringstore.node.coordinator.ReplicaPlanner;
import dev.ringstore.node.coordinator.Replicas;
import dev.ringstore.node.coordinator.WriteCoordinator;
import dev.ringstore.node.handoff.HeldHints;
import dev.ringstore.node.handoff.HintMetrics;
import dev.ringstore.node.handoff.HintReplayer;
import dev.ringstore.node.handoff.HintSweeper;
import dev.ringstore.node.handoff.HintedHandoff;
import dev.ringstore.node.handoff.LeaveHandoff;
import dev.ringstore.node.report.MetricHistory;
import dev.ringstore.node.report.NodeHistory;
import dev.ringstore.node.report.NodeReport;
import dev.ringstore.node.report.RequestLatencies;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.node.tombstone.ReapMetrics;
import dev.ringstore.node.tombstone.TombstoneReaper;
import dev.ringstore.node.transfer.BucketCleaner;
import dev.ringstore.node.transfer.BucketTransfers;
import dev.ringstore.node.transfer.TransferProgress;
import dev.ringstore.node.transfer.TransferSource;
import dev.ringstore.protocol.RequestHandler;
import dev.ringstore.protocol.v1.NodeRole;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's request path without its sockets: the coordinators, the replica operations, hinted
 * handoff, gossip and liveness, wired around one storage engine and one transport to the other
 * nodes. {@link StorageNode} serves it over TCP; the test harness runs several on a simulated
 * network.
 */
public final class ClusterNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
  private static final Duration TRANSFER_PASS_INTERVAL = Duration.ofMillis(200);
  private static final Duration CLEANER_INTERVAL = Duration.ofSeconds(1);

  private final ClusterView cluster;
  private final GossipLiveness liveness;
  private final Gossiper gossiper;
  private final ReplicaTransport transport;
  private final HintReplayer replayer;
  private final HintSweeper sweeper;
  private final LeaveHandoff leaveHandoff;
  private final HintMetrics hintMetrics;
  private final RequestRouter router;
  private final NodeExecutors executors;
  private final AntiEntropyRunner antiEntropy;
  private final AntiEntropyMetrics antiEntropyMetrics;
  private final TransferProgress transferProgress;
  private ConfigLink link;
  private TombstoneReaper reaper;
  private NodeHistory history;
  private final CompletableFuture<Void> left = new CompletableFuture<>();
  private final AtomicBoolean leaving = new AtomicBoolean();

  private ClusterNode(
      ClusterView cluster,
      GossipLiveness liveness,
      Gossiper gossiper,
      ReplicaTransport transport,
      HintReplayer replayer,
      HintSweeper sweeper,
      LeaveHandoff leaveHandoff,
      HintMetrics hintMetrics,
      RequestRouter router,
      NodeExecutors executors,
      AntiEntropyRunner antiEntropy,
      AntiEntropyMetrics antiEntropyMetrics,
      TransferProgress transferProgress) {
    this.cluster = cluster;
    this.liveness = liveness;
    this.gossiper = gossiper;
    this.transport = transport;
    this.replayer = replayer;
    this.sweeper = sweeper;
    this.leaveHandoff = leaveHandoff;
    this.hintMetrics = hintMetrics;
    this.router = router;
    this.executors = executors;
    this.antiEntropy = antiEntropy;
    this.antiEntropyMetrics = antiEntropyMetrics;
    this.transferProgress = transferProgress;
  }

  /**
   * Wires a node around {@code storage} (which the node does not close) and starts its background
   * work: liveness probes and hint replay.
   */
  public static ClusterNode start(
      NodeConfig config,
      StorageEngine storage,
      Function<ClusterView, ReplicaTransport> transports,
      InstantSource clock,
      RandomGenerator random,
      MeterRegistry registry) {
    return start(config, storage, transports, clock, random, registry, null);
  }

  /**
   * Wires a node that follows the config service through {@code link} (null: the static member list
   * of the config): it routes by the service's table versions, receives the buckets a transfer
   * gives it and deletes those it no longer owns after the grace period.
   */
  public static ClusterNode start(
      NodeConfig config,
      StorageEngine storage,
      Function<ClusterView, ReplicaTransport> transports,
      InstantSource clock,
      RandomGenerator random,
      MeterRegistry registry,
      ConfigLink link) {
    if (link != null) {
      config = config.withRing(link.initial().current().settings());
    }
    ClusterSettings settings = config.cluster();
    ClusterView cluster =
        link == null
            ? new StaticClusterView(config.id(), settings.peers(), config.ring())
            : new ConfigClusterView(config.id(), link.initial());
    NodeExecutors executors = NodeExecutors.start(config);
    ReachabilityTracker requests = new ReachabilityTracker(config.id(), clock);
    ReplicaTransport transport =
        new LivenessReportingTransport(transports.apply(cluster), requests);
    Gossiper gossiper = NodeGossip.gossiper(config, storage, cluster, transport, clock, random);
    GossipLiveness liveness = new GossipLiveness(gossiper, requests, clock);
    NodeServices services = new NodeServices(storage.actors(), clock, cluster, settings);
    RequestLatencies latencies = new RequestLatencies();
    NodeMetrics metrics = new NodeMetrics(registry, latencies);
    AntiEntropyMetrics antiEntropyMetrics =
        new AntiEntropyMetrics(registry, clock, config.ring().buckets());
    MerkleTrees trees =
        new MerkleTrees(
            storage,
            config.ring().buckets(),
            TreeShape.DEFAULT,
            clock,
            settings.antiEntropy().treeMaxAge(),
            antiEntropyMetrics::rebuilt);
    HintMetrics hintMetrics = new HintMetrics(registry);
    HeldHints heldHints = new HeldHints(storage, liveness, settings.hints(), clock, hintMetrics);
    heldHints.recount();
    LocalReplica local =
        new LocalReplica(storage, executors.storage(), trees, heldHints, executors.storageBytes());
    BoundsMetrics.bind(registry, executors.storageBytes(), gossiper);
    Replicas replicas = new Replicas(config.id(), local, transport);
    ReplicaPlanner planner = new ReplicaPlanner(cluster, liveness);
    HintedHandoff handoff = new HintedHandoff(local);
    ClientOperations client =
        new ClientOperations(
            new ClientRequestChecks(config.limits(), metrics, clock),
            planner,
            new ReadCoordinator(
                planner, replicas, new ReadRepair(replicas, registry), executors.deadlines()),
            new WriteCoordinator(planner, replicas, handoff, executors.deadlines()),
            new Forwarder(transport),
            services,
            metrics);
    RequestRouter router =
        new RequestRouter(
            client,
            new ReplicaOperations(
                local,
                new AntiEntropyResponder(trees, config.ring().buckets()),
                new TransferSource(storage),
                executors.storage(),
                services),
            new ReplicaInspector(cluster, replicas),
            new StatusOperations(gossiper, services),
            new TableQueries(cluster),
            services,
            metrics);
    HintReplayer replayer =
        new HintReplayer(heldHints, replicas, liveness, settings.hints(), clock, hintMetrics);
    HintSweeper sweeper = new HintSweeper(heldHints, cluster);
    LeaveHandoff leaveHandoff =
        new LeaveHandoff(heldHints, replayer, sweeper, cluster, liveness, settings.hints(), clock);
    AntiEntropyRunner antiEntropy =
        new AntiEntropyRunner(
            cluster,
            liveness,
            trees,
            replicas,
            transport,
            antiEntropyMetrics,
            settings.antiEntropy(),
            clock);
    TransferProgress transferProgress = new TransferProgress(clock, registry);
    ClusterNode node =
        new ClusterNode(
            cluster,
            liveness,
            gossiper,
            transport,
            replayer,
            sweeper,
            leaveHandoff,
            hintMetrics,
            router,
            executors,
            antiEntropy,
            antiEntropyMetrics,
            transferProgress);
    if (link != null) {
      followConfig(
          (ConfigClusterView) cluster,
          link,
          storage,
          liveness,
          transport,
          local,
          gossiper,
          executors,
          settings.transfer(),
          transferProgress,
          clock);
    }
    executors.every(
        settings.probeInterval(), () -> requests.probe(transport, settings.probeInterval()));
    executors.every(
        settings.gossip().interval(),
        () -> {
          gossiper.setLoad(NodeGossip.load(storage));
          gossiper.runRound();
        });
    executors.everyOnHintThread(settings.hints().replayInterval(), node::replayHints);
    executors.everyOnHintThread(settings.hints().sweepInterval(), sweeper::dropExpired);
    TombstoneReaper reaper =
        new TombstoneReaper(
            cluster,
            liveness,
            storage,
            replicas,
            settings.tombstones(),
            clock,
            new ReapMetrics(registry));
    executors.everyOnAntiEntropyThread(settings.tombstones().interval(), reaper::runOnce);
    node.reaper = reaper;
    node.history = NodeHistory.of(registry, latencies, gossiper, clock);
    executors.every(MetricHistory.INTERVAL, node.history::sample);
    if (!settings.antiEntropy().interval().isZero()) {
      executors.repeatOnAntiEntropyThread(settings.antiEntropy().interval(), antiEntropy::runOnce);
    }
    node.link = link;
    if (link != null) {
      ConfigClusterView view = (ConfigClusterView) cluster;
      view.addListener(routing -> node.checkLeft(view, settings.transfer()));
      node.checkLeft(view, settings.transfer());
    }
    return node;
  }

  private static void followConfig(
      ConfigClusterView view,
      ConfigLink link,
      StorageEngine storage,
      Liveness liveness,
      ReplicaTransport transport,
      LocalReplica local,
      Gossiper gossiper,
      NodeExecutors executors,
      TransferSettings transfer,
      TransferProgress progress,
      InstantSource clock) {
    view.addListener(routing -> gossiper.setTableVersion(routing.version()));
    ConfigSync sync =
        new ConfigSync(
            view,
            link.client(),
            storage,
            progress,
            () -> {
              var load = NodeGossip.load(storage);
              return new ConfigSync.Load(load.keys(), load.bytes());
            },
            gossiper::newestTableVersion);
    BucketTransfers transfers =
        new BucketTransfers(view, liveness, transport, local, storage, transfer, progress);
    BucketCleaner cleaner = new BucketCleaner(view, storage, clock, transfer.grace());
    executors.every(transfer.configInterval(), sync::runOnce);
    executors.everyOnTransferThread(TRANSFER_PASS_INTERVAL, transfers::runOnce);
    executors.everyOnAntiEntropyThread(CLEANER_INTERVAL, cleaner::runOnce);
  }

  private void checkLeft(ConfigClusterView view, TransferSettings transfer) {
    var routing = view.routing();
    routing.nodes().values().stream()
        .filter(
            other ->
                other.getStatus() == NodeRole.NODE_LEFT
                    || other.getStatus() == NodeRole.NODE_REMOVED)
        .forEach(other -> gossiper.markRemoved(NodeId.of(other.getId())));
    var record = routing.nodes().get(view.self());
    boolean gone =
        record != null
            && (record.getStatus() == NodeRole.NODE_LEFT
                || record.getStatus() == NodeRole.NODE_REMOVED)
            && routing.current().member(view.self()).isEmpty();
    if (gone && leaving.compareAndSet(false, true)) {
      gossiper.setStatus(MemberStatus.LEAVING);
      log.info(
          "this node has left the cluster (table v{}); it hands its hints on and stops serving"
              + " after the grace period {}",
          routing.version(),
          transfer.grace());
      executors.onHintThreadAfter(
          transfer.grace(),
          () -> {
            try {
              leaveHandoff.handOff();
            } finally {
              left.complete(null);
            }
          });
    }
  }

  /**
   * Completes once this node has handed every bucket away (it left or was removed), the grace
   * period has passed and it has handed its hints on ({@link LeaveHandoff}, bounded by the hint
   * leave timeout); never for a node with a static member list. {@code ringstore node} exits then.
   */
  public CompletableFuture<Void> left() {
    return left;
  }

  /** The handler the protocol server (or the simulated network) hands requests to. */
  public RequestHandler handler() {
    return router;
  }

  public ClusterView cluster() {
    return cluster;
  }

  public Liveness liveness() {
    return liveness;
  }

  /** The membership as this node's gossip sees it. */
  public Membership membership() {
    return gossiper;
  }

  public HintMetrics hintMetrics() {
    return hintMetrics;
  }

  /** Exchanges every bucket this node holds once, now, on the calling thread (tests). */
  public void runAntiEntropyPass() {
    antiEntropy.runFullPass();
  }

  /** How this node's incoming bucket transfers go (all zero when it follows no config service). */
  public TransferProgress.Snapshot transferProgress() {
    return transferProgress.snapshot();
  }

  /**
   * This node's report for its HTTP port (docs/console.md, "Node report").
   *
   * @param address where the node serves the protocol, {@code host:port}
   * @param http where it serves HTTP, {@code host:port}, or null
   */
  public NodeReport report(String address, Supplier<String> http) {
    return new NodeReport(
        address,
        http,
        cluster,
        gossiper,
        history,
        hintMetrics.queues(),
        antiEntropyMetrics,
        transferProgress::snapshot);
  }

  public AntiEntropyMetrics antiEntropyMetrics() {
    return antiEntropyMetrics;
  }

  /**
   * Runs one tombstone reap pass now, on the calling thread (tests; the node runs them on a timer);
   * returns how many keys it removed from every primary.
   */
  public int reapTombstones() {
    return reaper.runOnce();
  }

  /**
   * Runs one hint replay pass now, on the calling thread (tests; the node runs them on a timer):
   * drops the hints of removed members, then replays to the reachable targets.
   */
  public void replayHints() {
    sweeper.dropRemoved();
    replayer.replayOnce();
  }

  /**
   * Stops background work and the storage threads (letting queued work finish) and waits for both,
   * then closes the connections to the other nodes and to the config service and waits until they
   * are closed. The event loops they ran on (the caller's) can be stopped after this returns.
   */
  @Override
  public void close() {
    executors.close();
    transport.close();
    if (link != null) {
      link.joining().cancel(false);
      link.client().close();
    }
  }
}
