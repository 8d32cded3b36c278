package dev.ringstore.client;

import dev.ringstore.security.ClientSecurity;
import dev.ringstore.security.TlsFiles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.socket.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * How a {@link RingstoreClient} connects and behaves. Give the config service's client addresses,
 * seed nodes, or both (the config service is asked first; seeds let a client start while it is
 * down); everything else has a default fit for a LAN.
 */
public final class ClientBuilder {
  private final List<String> configService = new ArrayList<>();
  private final List<String> seeds = new ArrayList<>();
  private Duration requestTimeout = Duration.ofSeconds(5);
  private Duration connectTimeout = Duration.ofSeconds(2);
  private Duration tableRefreshInterval = Duration.ofSeconds(30);
  private Duration nodeQuarantine = Duration.ofSeconds(2);
  private int poolSize = 2;
  private int ioThreads = 0;
  private int conditionalAttempts = 5;
  private RetryPolicy retry = RetryPolicy.DEFAULT;
  private double hedgePercentile = 0;
  private Duration hedgeFloor = Duration.ofMillis(5);
  private Consumer<SocketChannel> channelHook = channel -> {};
  private ClientSecurity security = ClientSecurity.none();
  private MeterRegistry meterRegistry;
  private InstantSource clock = InstantSource.system();
  private RandomGenerator random = RandomGenerator.getDefault();
  private ClientTransport transport;

  ClientBuilder() {}

  /** The config service's client addresses, {@code host:port}, comma-separated or one by one. */
  public ClientBuilder configService(String... addresses) {
    configService.addAll(split(addresses));
    return this;
  }

  /** Nodes to ask for the table ({@code host:port}); any node answers from the table it holds. */
  public ClientBuilder seeds(String... addresses) {
    seeds.addAll(split(addresses));
    return this;
  }

  /**
   * How long to wait for a request that leaves its timeout to the node (default 5 s); the client
   * waits a request's own timeout plus 500 ms, so the node's TIMEOUT reply arrives first.
   */
  public ClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive("requestTimeout", timeout);
    return this;
  }

  /** How long a TCP connect may take (default 2 s). */
  public ClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return this;
  }

  /** How often the table is fetched even without a reply naming a newer one (default 30 s). */
  public ClientBuilder tableRefreshInterval(Duration interval) {
    this.tableRefreshInterval = positive("tableRefreshInterval", interval);
    return this;
  }

  /** How long a node that could not be reached is tried only after the others (default 2 s). */
  public ClientBuilder nodeQuarantine(Duration quarantine) {
    this.nodeQuarantine = Objects.requireNonNull(quarantine);
    return this;
  }

  /** Multiplexed connections per node (default 2). */
  public ClientBuilder poolSize(int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + connections);
    }
    this.poolSize = connections;
    return this;
  }

  /** Netty I/O threads (default 0: twice the cores). */
  public ClientBuilder ioThreads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("ioThreads must not be negative: " + threads);
    }
    this.ioThreads = threads;
    return this;
  }

  /** Retries of reads, and of any request a node refused as OVERLOADED (default: 3 tries). */
  public ClientBuilder retry(RetryPolicy policy) {
    this.retry = Objects.requireNonNull(policy);
    return this;
  }

  /** Conditional writes {@link Store#update} tries before writing as a sibling (default 5). */
  public ClientBuilder updateAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("updateAttempts must be at least 1: " + attempts);
    }
    this.conditionalAttempts = attempts;
    return this;
  }

  /**
   * Hedged reads: when a read has no answer after the {@code percentile} (e.g. 0.95) of recent read
   * latencies, but at least {@code floor}, a second request goes to the next node of the key's
   * preference list; the first good answer wins. Off by default: it adds load to buy the tail.
   */
  public ClientBuilder hedgeReads(double percentile, Duration floor) {
    if (!(percentile > 0 && percentile < 1)) {
      throw new IllegalArgumentException("percentile must be between 0 and 1: " + percentile);
    }
    this.hedgePercentile = percentile;
    this.hedgeFloor = Objects.requireNonNull(floor);
    return this;
  }

  /**
   * TLS for every connection, trusting only the cluster's CA ({@code ca}) and presenting a client
   * certificate and its PKCS#8 key, as {@code ringstore certs issue} writes them. The certificate's
   * role says what this client may do (docs/security.md).
   */
  public ClientBuilder tls(Path ca, Path certificate, Path key) {
    return security(ClientSecurity.certificate(new TlsFiles(ca, certificate, key)));
  }

  /** TLS trusting only the cluster's CA, authenticating with a token instead of a certificate. */
  public ClientBuilder token(Path ca, String token) {
    return security(ClientSecurity.token(ca, token));
  }

  /** How every connection is secured (default: plain TCP, for a cluster without TLS). */
  public ClientBuilder security(ClientSecurity security) {
    this.security = Objects.requireNonNull(security);
    return this;
  }

  /** A hook on every new connection's channel, before the protocol's handlers (TLS, proxies). */
  public ClientBuilder channelHook(Consumer<SocketChannel> hook) {
    this.channelHook = Objects.requireNonNull(hook);
    return this;
  }

  /** Where the client's meters go (default: a registry of its own). */
  public ClientBuilder meterRegistry(MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry);
    return this;
  }

  /** The clock for node quarantine (default: the system's). */
  public ClientBuilder clock(InstantSource source) {
    this.clock = Objects.requireNonNull(source);
    return this;
  }

  /** Randomness for backoff jitter (default: the JDK's default generator). */
  public ClientBuilder random(RandomGenerator generator) {
    this.random = Objects.requireNonNull(generator);
    return this;
  }

  /**
   * Reaches nodes through {@code custom} instead of pooled TCP connections (pool size, I/O threads
   * and hooks then do not apply): the in-process test harness's simulated network goes here.
   */
  public ClientBuilder transport(ClientTransport custom) {
    this.transport = Objects.requireNonNull(custom);
    return this;
  }

  /** Fetches the bucket table and returns a ready client; fails with UNAVAILABLE if it cannot. */
  public RingstoreClient build() {
    if (configService.isEmpty() && seeds.isEmpty()) {
      throw new IllegalArgumentException("give config service addresses or seed nodes");
    }
    if (meterRegistry == null) {
      meterRegistry = new SimpleMeterRegistry();
    }
    return RingstoreClient.start(this);
  }

  List<String> tableSources() {
    List<String> all = new ArrayList<>(configService);
    all.addAll(seeds);
    return all;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  Duration connectTimeout() {
    return connectTimeout;
  }

  Duration tableRefreshInterval() {
    return tableRefreshInterval;
  }

  Duration nodeQuarantine() {
    return nodeQuarantine;
  }

  int poolSize() {
    return poolSize;
  }

  int ioThreads() {
    return ioThreads;
  }

  int conditionalAttempts() {
    return conditionalAttempts;
  }

  RetryPolicy retry() {
    return retry;
  }

  double hedgePercentile() {
    return hedgePercentile;
  }

  Duration hedgeFloor() {
    return hedgeFloor;
  }

  ClientSecurity security() {
    return security;
  }

  Consumer<SocketChannel> channelHook() {
    return channelHook;
  }

  MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  InstantSource clock() {
    return clock;
  }

  RandomGenerator random() {
    return random;
  }

  ClientTransport transport() {
    return transport;
  }

  private static List<String> split(String... addresses) {
    List<String> out = new ArrayList<>();
    Arrays.stream(addresses)
        .flatMap(a -> Arrays.stream(a.split(",")))
        .map(String::trim)
        .filter(a -> !a.isEmpty())
        .forEach(
            a -> {
              PooledTransport.parse(a);
              out.add(a);
            });
    return out;
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
