package dev.ringstore.node.cluster;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.node.transfer.TransferProgress;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.RoutingState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node in step with the config service, as Tair's data servers do with their config server:
 * every interval a heartbeat (load, the table version it routes by, its transfer progress, the
 * buckets it has finished receiving), and a pull of {@code table since vK} whenever the reply or
 * gossip says a newer version exists. Each adopted version is cached in {@code meta}, so a node
 * restarted while the service is down routes by the newest table it had. The service being down
 * only delays changes: requests never wait on it.
 */
public final class ConfigSync {
  private static final Logger log = LoggerFactory.getLogger(ConfigSync.class);
  static final String ROUTING_META = "config.routing";
  private static final long CALL_TIMEOUT_SECONDS = 5;

  /** What the heartbeat reports of the node's load. */
  public record Load(long keys, long bytes) {}

  private final ConfigClusterView view;
  private final ConfigClient config;
  private final StorageEngine storage;
  private final TransferProgress progress;
  private final Supplier<Load> load;
  private final LongSupplier gossipedVersion;
  private final AtomicBoolean running = new AtomicBoolean();

  public ConfigSync(
      ConfigClusterView view,
      ConfigClient config,
      StorageEngine storage,
      TransferProgress progress,
      Supplier<Load> load,
      LongSupplier gossipedVersion) {
    this.view = view;
    this.config = config;
    this.storage = storage;
    this.progress = progress;
    this.load = load;
    this.gossipedVersion = gossipedVersion;
  }

  /** One heartbeat, and a pull if needed; at most one at a time, never blocking the caller. */
  public void runOnce() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    long local = view.routing().version();
    TransferProgress.Snapshot transfer = progress.snapshot();
    Load now = load.get();
    HeartbeatCommand report =
        HeartbeatCommand.newBuilder()
            .setNode(view.self().value())
            .setTableVersion(local)
            .setKeys(now.keys())
            .setBytes(now.bytes())
            .setTransferVersion(transfer.version())
            .addAllDoneBuckets(transfer.done())
            .setPendingBuckets(transfer.pending())
            .setBytesMoved(transfer.bytesMoved())
            .setBytesPerSecond(transfer.bytesPerSecond())
            .build();
    config
        .heartbeat(report)
        .thenCompose(
            newest ->
                Math.max(newest, gossipedVersion.getAsLong()) > local
                    ? pull()
                    : CompletableFuture.completedFuture(null))
        .orTimeout(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .whenComplete(
            (ok, failure) -> {
              running.set(false);
              if (failure != null) {
                log.debug("config service not reached: {}", failure.toString());
              }
            });
  }

  /** Fetches and adopts the newest routing, if newer than the node's. */
  public CompletableFuture<Void> pull() {
    return config
        .tableSince(view.routing().version())
        .thenAccept(
            next ->
                next.ifPresent(
                    routing -> {
                      if (view.offer(routing)) {
                        cache(storage, routing);
                        log.info(
                            "now routing by table v{}{}",
                            routing.version(),
                            routing.inTransfer() ? " (buckets in transfer)" : "");
                      }
                    }));
  }

  static void cache(StorageEngine storage, Routing routing) {
    storage.putMeta(ROUTING_META, routing.toProto().toByteArray());
  }

  /** The routing this data directory last adopted, if any. */
  public static Optional<Routing> cached(StorageEngine storage) {
    return storage
        .meta(ROUTING_META)
        .map(
            bytes -> {
              try {
                return Routing.fromProto(RoutingState.parseFrom(bytes));
              } catch (InvalidProtocolBufferException e) {
                log.warn("cached routing is unreadable; asking the config service", e);
                return null;
              }
            });
  }
}
