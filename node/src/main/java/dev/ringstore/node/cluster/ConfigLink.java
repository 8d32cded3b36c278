package dev.ringstore.node.cluster;

import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.Routing;
import java.util.concurrent.CompletableFuture;

/**
 * A node's tie to the config service: the client it reports and pulls tables through, the routing
 * version it starts with ({@link ConfigBootstrap}), and its join while that still runs in the
 * background (cancel it on close).
 */
public record ConfigLink(ConfigClient client, Routing initial, CompletableFuture<Void> joining) {
  /** A link whose join has already been answered. */
  public ConfigLink(ConfigClient client, Routing initial) {
    this(client, initial, CompletableFuture.completedFuture(null));
  }
}
