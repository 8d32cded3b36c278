package dev.ringstore.client;

import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Java client of a Ringstore cluster. It holds the cluster's bucket table (from the config
 * service, or from any seed node) and sends each request straight to the first live node of the
 * key's preference list, the node that coordinates it — Dynamo's client-driven coordination, which
 * saves the forwarding hop. Tables are refreshed when a reply names a newer version and on a timer;
 * requests go on with the table held while the config service is away.
 *
 * <pre>{@code
 * try (RingstoreClient client =
 *     RingstoreClient.builder().configService("10.0.0.1:7801,10.0.0.2:7801").build()) {
 *   Store<Set<String>> carts = client.store(JsonCodec.of(new TypeReference<Set<String>>() {}));
 *   carts.sync().update("cart:42", ConflictResolver.union(), cart -> {
 *     Set<String> items = new HashSet<>(cart.orElse(Set.of()));
 *     items.add("book");
 *     return items;
 *   });
 * }
 * }</pre>
 *
 * <p>One client per application: it is thread-safe, and its connections are multiplexed.
 */
public final class RingstoreClient implements AutoCloseable {
  private final ClientTransport transport;
  private final RoutingCache routing;
  private final RequestRunner runner;
  private final ClientMetrics metrics;
  private final ScheduledExecutorService timer;
  private final int conditionalAttempts;

  private RingstoreClient(
      ClientTransport transport,
      RoutingCache routing,
      RequestRunner runner,
      ClientMetrics metrics,
      ScheduledExecutorService timer,
      int conditionalAttempts) {
    this.transport = transport;
    this.routing = routing;
    this.runner = runner;
    this.metrics = metrics;
    this.timer = timer;
    this.conditionalAttempts = conditionalAttempts;
  }

  /** A builder: give it the config service or seed nodes, then {@link ClientBuilder#build()}. */
  public static ClientBuilder builder() {
    return new ClientBuilder();
  }

  /** Connects as {@code builder} says: fetches the table first, and fails if it cannot. */
  static RingstoreClient start(ClientBuilder builder) {
    ClientTransport transport =
        builder.transport() != null
            ? builder.transport()
            : new PooledTransport(
                ProtocolClient.create(
                    ProtocolLimits.defaults(),
                    builder.ioThreads(),
                    builder.channelHook(),
                    builder.security()),
                builder.poolSize(),
                builder.connectTimeout());
    ClientMetrics metrics = new ClientMetrics(builder.meterRegistry());
    RoutingCache routing =
        new RoutingCache(
            new TableFetcher(
                transport,
                builder.tableSources(),
                builder.connectTimeout().plus(RequestRunner.REPLY_MARGIN)),
            metrics);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("ringstore-client-timer", true));
    LatencyTracker hedging =
        builder.hedgePercentile() > 0
            ? new LatencyTracker(builder.hedgePercentile(), builder.hedgeFloor())
            : null;
    RequestRunner runner =
        new RequestRunner(
            transport,
            routing,
            new NodeHealth(builder.clock(), builder.nodeQuarantine()),
            builder.retry(),
            timer,
            builder.random(),
            metrics,
            builder.requestTimeout(),
            hedging);
    RingstoreClient client =
        new RingstoreClient(
            transport, routing, runner, metrics, timer, builder.conditionalAttempts());
    try {
      ClientFailures.join(routing.refresh());
    } catch (RuntimeException e) {
      client.close();
      throw new RingstoreException(
          ErrorCode.UNAVAILABLE, "cannot fetch the bucket table: " + ClientFailures.message(e), e);
    }
    long every = builder.tableRefreshInterval().toMillis();
    timer.scheduleWithFixedDelay(routing::refresh, every, every, TimeUnit.MILLISECONDS);
    if (hedging != null) {
      timer.scheduleWithFixedDelay(hedging::roll, 1, 1, TimeUnit.SECONDS);
    }
    return client;
  }

  /** Values of type {@code T}, coded by {@code codec}. */
  public <T> Store<T> store(ValueCodec<T> codec) {
    return new Store<>(runner, codec, conditionalAttempts);
  }

  /** Values as bytes. */
  public Store<byte[]> bytes() {
    return store(ValueCodec.bytes());
  }

  /** Values as UTF-8 text. */
  public Store<String> strings() {
    return store(ValueCodec.utf8());
  }

  /** The version of the bucket table the client routes by. */
  public long tableVersion() {
    return routing.version();
  }

  /** Fetches a newer table now; completes with the version held afterwards. */
  public CompletableFuture<Long> refreshTable() {
    return routing.refresh().thenApply(table -> table.version());
  }

  /** Where the client's meters are (the registry given to the builder, or its own). */
  public MeterRegistry meterRegistry() {
    return metrics.registry();
  }

  /** Closes the connections and the timer; pending requests fail with UNAVAILABLE. */
  @Override
  public void close() {
    timer.shutdownNow();
    transport.close();
  }
}
