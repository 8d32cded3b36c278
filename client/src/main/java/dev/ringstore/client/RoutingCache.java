package dev.ringstore.client;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
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
  private final AtomicReference<Addresses> addresses = new AtomicReference<>();
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
                install(fetched.get());
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

  /** Takes {@code next} unless a newer table arrived meanwhile. */
  private synchronized void install(Routing next) {
    Routing held = routing.get();
    if (held == null || next.version() > held.version()) {
      addresses.set(Addresses.of(next));
      routing.set(next);
    }
  }

  /**
   * The nodes to try for {@code key}, best first: its preference list in the current table (the
   * first is the primary, which coordinates writes without a forward), then every other member of
   * the table, which can still coordinate a read or forward a write.
   */
  List<String> candidates(byte[] key) {
    Addresses held = addresses.get();
    if (held == null) {
      return List.of();
    }
    List<String> preference = held.preferences().get(held.table().bucketOf(key));
    List<String> all = new ArrayList<>(held.members().size());
    all.addAll(preference);
    for (String member : held.members()) {
      if (!preference.contains(member)) {
        all.add(member);
      }
    }
    return all;
  }

  /** A table's addresses, worked out once when it is installed rather than on every request. */
  private record Addresses(
      BucketTable table, List<List<String>> preferences, List<String> members) {
    static Addresses of(Routing routing) {
      BucketTable table = routing.current();
      List<List<String>> preferences = new ArrayList<>(table.bucketCount());
      for (int bucket = 0; bucket < table.bucketCount(); bucket++) {
        preferences.add(addressesOf(routing, table.preferenceList(bucket).nodes()));
      }
      List<NodeId> members = table.members().stream().map(Member::id).toList();
      return new Addresses(table, preferences, addressesOf(routing, members));
    }

    private static List<String> addressesOf(Routing routing, List<NodeId> nodes) {
      List<String> found = new ArrayList<>(nodes.size());
      nodes.forEach(node -> routing.address(node).ifPresent(found::add));
      return List.copyOf(found);
    }
  }
}
