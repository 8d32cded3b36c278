package dev.ringstore.client;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket table this client routes by, refreshed when a reply names a newer version and on a
 * timer. At most one fetch runs at a time; callers during it share its result. A failed refresh
 * keeps the table the client has: a stale table still works, because any node coordinates or
 * forwards a request and says in its reply that a newer table exists.
 */
final class RoutingCache {
  private static final Logger log = LoggerFactory.getLogger(RoutingCache.class);

  private final TableFetcher fetcher;
  private final ClientMetrics metrics;
  private final AtomicReference<Routing> routing = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Routing>> inFlight = new AtomicReference<>();

  RoutingCache(TableFetcher fetcher, ClientMetrics metrics) {
    this.fetcher = fetcher;
    this.metrics = metrics;
  }

  /** The table version held, or 0 before the first fetch. */
  long version() {
    Routing held = routing.get();
    return held == null ? 0 : held.version();
  }

  Optional<Routing> current() {
    return Optional.ofNullable(routing.get());
  }

  /** Refreshes when {@code seen}, a version a node replied with, is newer than the one held. */
  void onReplyVersion(long seen) {
    if (seen > version()) {
      refresh();
    }
  }

  /** Fetches anything newer than the held table; completes with the table held afterwards. */
  CompletableFuture<Routing> refresh() {
    CompletableFuture<Routing> mine = new CompletableFuture<>();
    CompletableFuture<Routing> running = inFlight.compareAndExchange(null, mine);
    if (running != null) {
      return running;
    }
    fetcher
        .since(version())
        .whenComplete(
            (fetched, failure) -> {
              if (failure != null) {
                metrics.tableRefresh("failed");
                log.debug("could not refresh the bucket table", failure);
              } else if (fetched.isPresent()) {
                routing.accumulateAndGet(
                    fetched.get(), (held, next) -> newer(held, next) ? next : held);
                metrics.tableRefresh("updated");
              } else {
                metrics.tableRefresh("unchanged");
              }
              inFlight.set(null);
              if (failure != null && routing.get() == null) {
                mine.completeExceptionally(failure);
              } else {
                mine.complete(routing.get());
              }
            });
    return mine;
  }

  private static boolean newer(Routing held, Routing next) {
    return held == null || next.version() > held.version();
  }

  /**
   * The nodes to try for {@code key}, best first: its preference list in the current table (the
   * first is the primary, which coordinates writes without a forward), then every other member of
   * the table, which can still coordinate a read or forward a write.
   */
  List<String> candidates(byte[] key) {
    Routing held = routing.get();
    if (held == null) {
      return List.of();
    }
    List<NodeId> order = new ArrayList<>(held.current().preferenceListForKey(key).nodes());
    held.current().members().stream()
        .map(member -> member.id())
        .filter(n -> !order.contains(n))
        .forEach(order::add);
    List<String> addresses = new ArrayList<>(order.size());
    for (NodeId node : order) {
      held.address(node).ifPresent(addresses::add);
    }
    return addresses;
  }
}
