package dev.ringstore.node.cluster;

import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.ConfigRejectedException;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.NodeRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node following the config service starts: it asks to join (a known node only updates its
 * addresses), then routes by the newest table — the service's, or the one cached in its data
 * directory when the service cannot be reached. A node of a cluster that has no table yet waits for
 * the operator's first plan and commit.
 */
public final class ConfigBootstrap {
  private static final Logger log = LoggerFactory.getLogger(ConfigBootstrap.class);

  private ConfigBootstrap() {}

  /** Blocks until there is a table to route by; run before the node serves. */
  public static Routing start(
      ConfigClient config, NodeRecord self, StorageEngine storage, Duration poll) {
    Optional<Routing> cached = ConfigSync.cached(storage);
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
          Routing newest =
              cached.isPresent() && cached.get().version() > fetched.get().version()
                  ? cached.get()
                  : fetched.get();
          ConfigSync.cache(storage, newest);
          return newest;
        }
        if (!waitingLogged) {
          log.info("the cluster has no table yet; waiting for ringstore plan join and commit");
          waitingLogged = true;
        }
      } catch (CompletionException | RingstoreException e) {
        if (cached.isPresent()) {
          log.warn(
              "config service unreachable ({}); routing by cached table v{}",
              e.getMessage(),
              cached.get().version());
          return cached.get();
        }
        if (e.getCause() instanceof ConfigRejectedException rejected) {
          throw rejected;
        }
        log.info("waiting for the config service: {}", e.getMessage());
      }
      sleep(poll);
    }
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
