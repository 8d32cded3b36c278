package dev.ringstore.node.cluster;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * How a node started with {@code --config} finds its cluster: the config replicas' client
 * addresses, the zone it asks to join in (null: none), the admin token its console's actions need
 * (null: the one in its data directory, generated on first start; docs/console.md), and the address
 * it tells the others to reach it at (null: its listen address).
 */
public record ConfigMembership(
    List<InetSocketAddress> service, String zone, String adminToken, InetSocketAddress advertise) {
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
    if (advertise != null && Advertised.isWildcard(advertise)) {
      throw new IllegalArgumentException(
          "--advertise "
              + Advertised.hostPort(advertise)
              + " is a wildcard address, which no other node can reach; advertise this host's"
              + " routable name or address");
    }
  }

  public ConfigMembership(List<InetSocketAddress> service, String zone, String adminToken) {
    this(service, zone, adminToken, null);
  }

  public ConfigMembership(List<InetSocketAddress> service, String zone) {
    this(service, zone, null, null);
  }

  public ConfigMembership withAdminToken(String token) {
    return new ConfigMembership(service, zone, token, advertise);
  }

  public ConfigMembership withAdvertise(InetSocketAddress address) {
    return new ConfigMembership(service, zone, adminToken, address);
  }
}
