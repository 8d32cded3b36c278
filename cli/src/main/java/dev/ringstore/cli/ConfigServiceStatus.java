package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ringstore.cli.ConfigServiceConnection.ConfigRefusedException;
import dev.ringstore.cli.ConfigServiceConnection.ConfigUnreachableException;
import dev.ringstore.security.ClientSecurity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ringstore status} learned from the config service: nothing when the cluster has none
 * to ask, its status JSON, or why it could not be had.
 *
 * @param replicas the client addresses asked; empty: no config service to ask
 * @param status the service's status, null when it did not answer
 * @param problem why it did not answer, null when it did
 */
record ConfigServiceStatus(List<InetSocketAddress> replicas, JsonNode status, String problem) {
  static ConfigServiceStatus none() {
    return new ConfigServiceStatus(List.of(), null, null);
  }

  /** Asks the service at {@code replicas} (none: {@link #none()}) for its status. */
  static ConfigServiceStatus ask(
      List<InetSocketAddress> replicas, Duration timeout, ClientSecurity security) {
    if (replicas.isEmpty()) {
      return none();
    }
    try (ConfigServiceConnection service =
        ConfigServiceConnection.open(replicas, timeout, security)) {
      return new ConfigServiceStatus(replicas, service.status(), null);
    } catch (ConfigUnreachableException | ConfigRefusedException e) {
      return new ConfigServiceStatus(replicas, null, e.getMessage());
    }
  }

  /** Whether the cluster has a config service to ask. */
  boolean configured() {
    return !replicas.isEmpty();
  }

  boolean answered() {
    return status != null;
  }

  /** The service's record of node {@code id}, or a missing node. */
  JsonNode node(String id) {
    for (JsonNode node : status.path("nodes")) {
      if (id.equals(node.path("id").asText())) {
        return node;
      }
    }
    return MissingNode.getInstance();
  }
}
