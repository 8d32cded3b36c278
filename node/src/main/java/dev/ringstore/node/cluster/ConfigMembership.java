package dev.ringstore.node.cluster;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * How a node started with {@code --config} finds its cluster: the config replicas' client
 * addresses, the zone it asks to join in (null: none), and the admin token its console's actions
 * need (null: the one in its data directory, generated on first start; docs/console.md).
 */
public record ConfigMembership(List<InetSocketAddress> service, String zone, String adminToken) {
  public ConfigMembership {
    service = List.copyOf(service);
    if (service.isEmpty()) {
      throw new IllegalArgumentException("at least one config service address is needed");
    }
    if (zone != null && zone.isBlank()) {
      throw new IllegalArgumentException("the zone must not be blank");
    }
    if (adminToken != null && adminToken.isBlank()) {
      throw new IllegalArgumentException("the admin token must not be blank");
    }
  }

  public ConfigMembership(List<InetSocketAddress> service, String zone) {
    this(service, zone, null);
  }

  public ConfigMembership withAdminToken(String token) {
    return new ConfigMembership(service, zone, token);
  }
}
