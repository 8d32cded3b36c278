package dev.ringstore.bench.ycsb;

import dev.ringstore.client.ReadOptions;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.client.Store;
import dev.ringstore.client.WriteOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the YCSB threads of one load generator share when they talk to Ringstore: one {@link
 * RingstoreClient} (token-aware, pooled connections), the request knobs read from the YCSB
 * properties, and the last version this load generator saw of each key (its causal context and
 * fields), so an update supersedes what was read instead of piling up siblings — as an application
 * that reads before it writes does.
 *
 * <p>Properties: {@code ringstore.config} (config service HOST:PORT,...) and/or {@code
 * ringstore.seeds} (node HOST:PORT,...); {@code ringstore.n}, {@code ringstore.r}, {@code
 * ringstore.w} (0 = the node's default), {@code ringstore.sloppy} (true), {@code
 * ringstore.timeout.ms} (the client's default when absent); {@code ringstore.ca}, {@code
 * ringstore.cert} and {@code ringstore.key} (PEM files, all three or none) for a cluster that runs
 * with TLS, e.g. the admin certificate of {@code ringstore local --tls}.
 */
public final class RingstoreConnection implements AutoCloseable {
  private final RingstoreClient client;
  private final Store<byte[]> store;
  private final ReadOptions readOptions;
  private final WriteOptions writeOptions;
  private final Map<String, LastSeen> lastSeen = new ConcurrentHashMap<>();
  private final LongAdder siblingReads = new LongAdder();

  /** The last version of a key this load generator read or wrote. */
  record LastSeen(String context, Map<String, byte[]> fields) {}

  RingstoreConnection(RingstoreClient client, Properties properties) {
    this.client = client;
    this.store = client.bytes();
    int n = intProperty(properties, "ringstore.n");
    int r = intProperty(properties, "ringstore.r");
    int w = intProperty(properties, "ringstore.w");
    boolean sloppy = Boolean.parseBoolean(properties.getProperty("ringstore.sloppy", "true"));
    String timeout = properties.getProperty("ringstore.timeout.ms");
    ReadOptions read = ReadOptions.defaults().withN(n).withR(r).withSloppy(sloppy);
    WriteOptions write =
        WriteOptions.defaults().withN(n).withW(w).withSloppy(sloppy).withReturnBody(true);
    if (timeout != null) {
      read = read.withTimeout(Duration.ofMillis(Long.parseLong(timeout)));
      write = write.withTimeout(Duration.ofMillis(Long.parseLong(timeout)));
    }
    this.readOptions = read;
    this.writeOptions = write;
  }

  /** Uses {@code client} (its owner closes it, or this connection does on {@link #close()}). */
  public static RingstoreConnection forClient(RingstoreClient client, Properties properties) {
    return new RingstoreConnection(client, properties);
  }

  /** Connects a new client to the cluster named by {@code ringstore.config} / {@code .seeds}. */
  public static RingstoreConnection open(Properties properties) {
    var builder = RingstoreClient.builder();
    String config = properties.getProperty("ringstore.config");
    String seeds = properties.getProperty("ringstore.seeds");
    if (config == null && seeds == null) {
      throw new IllegalArgumentException(
          "set ringstore.config (config service HOST:PORT,...) or ringstore.seeds (nodes)");
    }
    if (config != null) {
      builder.configService(config.split(","));
    }
    if (seeds != null) {
      builder.seeds(seeds.split(","));
    }
    tls(properties).ifPresent(files -> builder.tls(files[0], files[1], files[2]));
    int pool = intProperty(properties, "ringstore.pool");
    if (pool > 0) {
      builder.poolSize(pool);
    }
    return new RingstoreConnection(builder.build(), properties);
  }

  /**
   * The CA, certificate and key of {@code ringstore.ca/.cert/.key}, or empty when none is set; some
   * but not all of them is a mistake that would otherwise surface as a handshake failure per call.
   */
  static Optional<Path[]> tls(Properties properties) {
    List<String> names = List.of("ringstore.ca", "ringstore.cert", "ringstore.key");
    List<String> set = names.stream().filter(n -> properties.getProperty(n) != null).toList();
    if (set.isEmpty()) {
      return Optional.empty();
    }
    if (set.size() < names.size()) {
      throw new IllegalArgumentException(
          "TLS needs all of " + String.join(", ", names) + "; only " + set + " are set");
    }
    return Optional.of(
        names.stream().map(n -> Path.of(properties.getProperty(n))).toArray(Path[]::new));
  }

  Store<byte[]> store() {
    return store;
  }

  ReadOptions readOptions() {
    return readOptions;
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  LastSeen lastSeen(String key) {
    return lastSeen.get(key);
  }

  void remember(String key, String context, Map<String, byte[]> fields) {
    lastSeen.put(key, new LastSeen(context, fields));
  }

  void forget(String key) {
    lastSeen.remove(key);
  }

  void sawSiblings() {
    siblingReads.increment();
  }

  /** Reads that returned more than one sibling since this connection opened. */
  public long siblingReads() {
    return siblingReads.sum();
  }

  @Override
  public void close() {
    client.close();
  }

  private static int intProperty(Properties properties, String name) {
    return Integer.parseInt(properties.getProperty(name, "0"));
  }
}
