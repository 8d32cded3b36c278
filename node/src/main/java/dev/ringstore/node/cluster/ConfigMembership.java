package dev.ringstore.node.cluster;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * How a node started with {@code --config} finds its cluster: the config replicas' client
 * addresses, and the zone it asks to join in (null: none).
 */
public record ConfigMembership(List<InetSocketAddress> service, String zone) {
  public ConfigMembership {
    service = List.copyOf(service);
    if (service.isEmpty()) {
      throw new IllegalArgumentException("at least one config service address is needed");
    }
    if (zone != null && zone.isBlank()) {
      throw new IllegalArgumentException("the zone must not be blank");
    }
  }
}
