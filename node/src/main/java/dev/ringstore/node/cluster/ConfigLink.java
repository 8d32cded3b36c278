package dev.ringstore.node.cluster;

import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.Routing;

/**
 * A node's tie to the config service: the client it reports and pulls tables through, and the
 * routing version it starts with ({@link ConfigBootstrap}).
 */
public record ConfigLink(ConfigClient client, Routing initial) {}
