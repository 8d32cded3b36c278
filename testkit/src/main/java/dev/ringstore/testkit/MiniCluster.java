package dev.ringstore.testkit;

import dev.ringstore.client.ClientBuilder;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.ConfigState;
import dev.ringstore.config.InProcessConfigChannel;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.gossip.GossipSettings;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.cluster.HintSettings;
import dev.ringstore.node.cluster.TransferSettings;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.storage.Durability;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.RingShape;
import dev.ringstore.ring.RingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An in-process cluster for tests, after Ratis's {@code MiniCluster}: n nodes {@code n1..nN} with
 * real storage in a temporary directory, joined by a {@link SimulatedNetwork}, sharing a {@link
 * ManualClock}. Nodes can be killed and restarted on their data; links can be cut, delayed or made
 * lossy. {@link #runWithNewCluster} cleans everything up, whatever the test did.
 *
 * <pre>{@code
 * MiniCluster.runWithNewCluster(3, cluster -> {
 *   cluster.client().put("n1", "k", "v");
 *   cluster.kill("n3");
 *   ...
 * });
 * }</pre>
 */
public final class MiniCluster implements AutoCloseable {
  /**
   * Harness defaults: quick probes, hint passes, hint sweeps and gossip rounds, so healing shows
   * within a second. Gossip's failure detector reads the {@link ManualClock}: it judges no one down
   * until a test advances the clock past the members' heartbeats.
   */
  public static final ClusterSettings SETTINGS =
      ClusterSettings.SINGLE_NODE
          .withRequestTimeout(Duration.ofSeconds(2))
          .withProbeInterval(Duration.ofMillis(100))
          .withHints(
              HintSettings.DEFAULTS
                  .withReplayInterval(Duration.ofMillis(200))
                  .withSweepInterval(Duration.ofMillis(200)))
          .withGossip(GossipSettings.DEFAULTS.withInterval(Duration.ofMillis(100)))
          .withAntiEntropyInterval(Duration.ZERO);

  /** A test body that may throw. */
  @FunctionalInterface
  public interface Body {
    void run(MiniCluster cluster) throws Exception;
  }

  private final Path root;
  private final SimulatedNetwork network;
  private final ManualClock clock;
  private final Map<NodeId, MiniNode> nodes = new LinkedHashMap<>();
  private final UnaryOperator<NodeConfig> customize;
  private final long seed;
  private final InProcessConfigChannel configChannel;
  private final ConfigClient config;

  private MiniCluster(int size, UnaryOperator<NodeConfig> customize, long seed) throws IOException {
    this(size, customize, seed, false);
  }

  private MiniCluster(
      int size, UnaryOperator<NodeConfig> customize, long seed, boolean withConfigService)
      throws IOException {
    this.root = Files.createTempDirectory("minicluster");
    this.network = new SimulatedNetwork(seed);
    this.clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    this.customize = customize;
    this.seed = seed;
    this.configChannel = withConfigService ? new InProcessConfigChannel(new ConfigState()) : null;
    this.config = withConfigService ? new ConfigClient(configChannel, clock) : null;
    if (withConfigService) {
      for (int i = 1; i <= size; i++) {
        NodeConfig node = configNode("n" + i).config();
        config
            .join(
                NodeRecord.newBuilder()
                    .setId(node.id().value())
                    .setAddress(node.listen().getHostString() + ":" + node.listen().getPort())
                    .build())
            .join();
      }
      RingSettings ring = nodes.values().iterator().next().config().ring();
      config
          .plan(
              PlanCommand.newBuilder()
                  .setJoin(PlanJoin.getDefaultInstance())
                  .setShape(
                      RingShape.newBuilder()
                          .setBuckets(ring.buckets())
                          .setReplicas(ring.replicas())
                          .setTokens(ring.tokens()))
                  .build())
          .join();
      config.commit().join();
      return;
    }
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (int i = 1; i <= size; i++) {
      peers.put(NodeId.of("n" + i), InetSocketAddress.createUnresolved("simulated", 7200 + i));
    }
    for (NodeId id : peers.keySet()) {
      NodeConfig config =
          customize.apply(
              NodeConfig.defaults(id, peers.get(id), root.resolve(id.value()))
                  .withDurability(Durability.ASYNC)
                  .withStorageThreads(4)
                  .withCluster(SETTINGS.withPeers(peers)));
      nodes.put(id, new MiniNode(config, network, clock, seed + id.hashCode()));
    }
  }

  /**
   * Runs {@code body} on a new cluster of {@code size} nodes that follow a config service (the real
   * state machine in this process, without Raft): the first table has them all; {@link #addNode}
   * starts more, and {@link #config()} plans and commits changes.
   */
  public static void runWithConfigService(int size, UnaryOperator<NodeConfig> customize, Body body)
      throws Exception {
    try (MiniCluster cluster = new MiniCluster(size, customize, 42, true)) {
      cluster.nodes.values().forEach(MiniNode::start);
      cluster.awaitAllLive(Duration.ofSeconds(10));
      body.run(cluster);
    }
  }

  private MiniNode configNode(String name) {
    NodeId id = NodeId.of(name);
    InetSocketAddress address =
        InetSocketAddress.createUnresolved("simulated", 7200 + nodes.size() + 1);
    NodeConfig nodeConfig =
        customize.apply(
            NodeConfig.defaults(id, address, root.resolve(name))
                .withDurability(Durability.ASYNC)
                .withStorageThreads(4)
                .withCluster(
                    SETTINGS.withTransfer(
                        TransferSettings.DEFAULTS
                            .withGrace(Duration.ZERO)
                            .withConfigInterval(Duration.ofMillis(100)))));
    MiniNode node = new MiniNode(nodeConfig, network, clock, seed + id.hashCode(), config);
    nodes.put(id, node);
    return node;
  }

  /**
   * Starts a new node that asks the config service to join; it serves once it has the table, but
   * owns nothing until a plan takes it in.
   */
  public MiniNode addNode(String id) {
    if (config == null) {
      throw new IllegalStateException("addNode needs runWithConfigService");
    }
    MiniNode node = configNode(id);
    node.start();
    return node;
  }

  /** The operator's view of the config service (plan, commit, status). */
  public ConfigClient config() {
    if (config == null) {
      throw new IllegalStateException("this cluster has no config service");
    }
    return config;
  }

  /** Takes the whole config service down (false) or brings it back (true). */
  public void setConfigServiceAvailable(boolean available) {
    configChannel.setAvailable(available);
  }

  /** Runs {@code body} on a new cluster of {@code size} nodes with the harness defaults. */
  public static void runWithNewCluster(int size, Body body) throws Exception {
    runWithNewCluster(size, UnaryOperator.identity(), body);
  }

  /** Runs {@code body} on a new cluster whose node configs pass through {@code customize}. */
  public static void runWithNewCluster(int size, UnaryOperator<NodeConfig> customize, Body body)
      throws Exception {
    try (MiniCluster cluster = new MiniCluster(size, customize, 42)) {
      cluster.nodes.values().forEach(MiniNode::start);
      cluster.awaitAllLive(Duration.ofSeconds(10));
      body.run(cluster);
    }
  }

  /**
   * Waits until every running node believes every other running node live. Nodes start one after
   * another, so the first ones see the later ones refuse connections for a moment; a test starts
   * from a settled cluster, as Ratis's harness waits for a leader.
   */
  public void awaitAllLive(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!allLive()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster did not settle within " + limit);
      }
      Thread.sleep(20);
    }
  }

  private boolean allLive() {
    List<MiniNode> running = nodes.values().stream().filter(MiniNode::isRunning).toList();
    return running.stream()
        .allMatch(
            node -> running.stream().allMatch(other -> node.node().liveness().isLive(other.id())));
  }

  public MiniNode node(String id) {
    MiniNode node = nodes.get(NodeId.of(id));
    if (node == null) {
      throw new IllegalArgumentException("no node " + id + " in " + nodes.keySet());
    }
    return node;
  }

  public List<MiniNode> nodes() {
    return List.copyOf(nodes.values());
  }

  public Set<NodeId> ids() {
    return Set.copyOf(nodes.keySet());
  }

  /** Stops a node abruptly for the network (it vanishes) and closes its storage. */
  public void kill(String id) {
    node(id).stop();
  }

  /** Deletes a killed node's data directory, as a replaced disk would. */
  public void wipe(String id) {
    MiniNode node = node(id);
    if (node.isRunning()) {
      throw new IllegalStateException(id + " is running: kill it first");
    }
    delete(node.dataDir());
  }

  /** Starts a killed node again on its data directory. */
  public void restart(String id) {
    node(id).start();
  }

  public SimulatedNetwork network() {
    return network;
  }

  public ManualClock clock() {
    return clock;
  }

  /** A client endpoint named {@code client}, waiting up to 10 s for each reply. */
  public SimClient client() {
    return client("client");
  }

  public SimClient client(String name) {
    return new SimClient(NodeId.of(name), network, Duration.ofSeconds(10));
  }

  /**
   * A builder for the real Java client on the simulated network, as endpoint {@code name} (start it
   * with {@code client} to be cut off by {@link #isolate}), with every node as a seed. Tune it and
   * call {@code build()}; the test closes the client.
   */
  public ClientBuilder ringstoreClient(String name) {
    String[] seeds = nodes.values().stream().map(MiniCluster::hostPort).toArray(String[]::new);
    return RingstoreClient.builder()
        .transport(new SimClientTransport(NodeId.of(name), network, this::nodeAt))
        .seeds(seeds);
  }

  /** The node whose protocol listens at {@code hostPort}, if one does. */
  public Optional<NodeId> nodeAt(String hostPort) {
    return nodes.values().stream()
        .filter(node -> hostPort(node).equals(hostPort))
        .map(MiniNode::id)
        .findFirst();
  }

  private static String hostPort(MiniNode node) {
    InetSocketAddress listen = node.config().listen();
    return listen.getHostString() + ":" + listen.getPort();
  }

  /** Cuts {@code id} off from every node and client endpoint named {@code client*}. */
  public void isolate(String id) {
    Set<NodeId> others =
        Stream.concat(nodes.keySet().stream(), Stream.of(NodeId.of("client")))
            .filter(other -> !other.value().equals(id))
            .collect(Collectors.toSet());
    network.isolate(NodeId.of(id), others);
  }

  /** Hints held by every running node, for every target. */
  public long hintsHeld() {
    return nodes.values().stream().filter(MiniNode::isRunning).mapToLong(MiniNode::hints).sum();
  }

  @Override
  public void close() {
    nodes.values().forEach(MiniNode::stop);
    network.close();
    delete(root);
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
