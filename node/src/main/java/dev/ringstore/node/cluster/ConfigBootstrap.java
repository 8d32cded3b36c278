package dev.ringstore.node.cluster;

import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.ConfigRejectedException;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.NodeRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node following the config service starts: it asks to join (a known node only updates its
 * addresses), then routes by the newest table — the service's, or the one cached in its data
 * directory. A node of a cluster that has no table yet waits for the operator's first plan and
 * commit.
 *
 * <p>A node that has a cached table (every restart after the first) does not wait for the service:
 * it routes by the cached table at once and asks to join in the background, retrying until the
 * service answers. A newer table reaches it through {@link ConfigSync}'s heartbeats (and gossip),
 * as it does while the node runs; a restart after {@code kill -9} is thereby not held up by round
 * trips to a service that is slow, electing a leader, or down.
 */
public final class ConfigBootstrap {
  private static final Logger log = LoggerFactory.getLogger(ConfigBootstrap.class);

  private ConfigBootstrap() {}

  /**
   * The node's link to the service with the table to route by: the cached one at once (the join
   * then runs in the background, {@link ConfigLink#joining()}), or, with none cached, after
   * blocking until the service has one; run before the node serves.
   */
  public static ConfigLink start(
      ConfigClient config, NodeRecord self, StorageEngine storage, Duration poll) {
    Optional<Routing> cached = ConfigSync.cached(storage);
    if (cached.isPresent()) {
      log.info(
          "routing by cached table v{}; asking the config service to join in the background",
          cached.get().version());
      return new ConfigLink(config, cached.get(), joinInBackground(config, self, poll));
    }
    return new ConfigLink(config, waitForTable(config, self, storage, poll));
  }

  private static Routing waitForTable(
      ConfigClient config, NodeRecord self, StorageEngine storage, Duration poll) {
    boolean joined = false;
    boolean waitingLogged = false;
    while (true) {
      try {
        if (!joined) {
          config.join(self).join();
          joined = true;
        }
        Optional<Routing> fetched = config.tableSince(0).join();
        if (fetched.isPresent()) {
          ConfigSync.cache(storage, fetched.get());
          return fetched.get();
        }
        if (!waitingLogged) {
          log.info("the cluster has no table yet; waiting for ringstore plan join and commit");
          waitingLogged = true;
        }
      } catch (CompletionException | RingstoreException e) {
        if (e.getCause() instanceof ConfigRejectedException rejected) {
          throw rejected;
        }
        log.info("waiting for the config service: {}", e.getMessage());
      }
      sleep(poll);
    }
  }

  /**
   * Asks to join until the service answers (or refuses: logged, as a node with a cached table
   * always did). Completes then; retries every {@code poll} meanwhile, on no thread of its own,
   * until the returned future is cancelled.
   */
  static CompletableFuture<Void> joinInBackground(
      ConfigClient config, NodeRecord self, Duration poll) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    attemptJoin(config, self, poll, done, false);
    return done;
  }

  private static void attemptJoin(
      ConfigClient config,
      NodeRecord self,
      Duration poll,
      CompletableFuture<Void> done,
      boolean failedBefore) {
    if (done.isDone()) {
      return; // cancelled: the node is shutting down
    }
    CompletableFuture<NodeRecord> attempt;
    try {
      attempt = config.join(self);
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    attempt.whenComplete(
        (joined, failure) -> {
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (done.isDone()) {
            return;
          }
          if (cause == null) {
            log.info("joined the config service as {}", self.getAddress());
            done.complete(null);
          } else if (cause instanceof ConfigRejectedException) {
            log.warn("the config service refused this node's join: {}", cause.getMessage());
            done.complete(null);
          } else {
            if (!failedBefore) {
              log.warn(
                  "config service unreachable ({}); retrying the join every {} ms",
                  cause.getMessage(),
                  poll.toMillis());
            }
            CompletableFuture.delayedExecutor(poll.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> attemptJoin(config, self, poll, done, true));
          }
        });
  }

  private static void sleep(Duration poll) {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the config service", e);
    }
  }
}
