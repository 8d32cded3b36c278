package dev.ringstore.cli;

import dev.ringstore.config.ReplicaId;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --peers c1=HOST:PORT,c2=HOST:PORT,...} of {@code ringstore config-server}: every
 * config replica's id with its Raft address, in the order given.
 */
final class ReplicaPeerList implements ITypeConverter<Map<ReplicaId, InetSocketAddress>> {
  @Override
  public Map<ReplicaId, InetSocketAddress> convert(String value) {
    Map<ReplicaId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new TypeConversionException("expected ID=HOST:PORT, not '" + entry + "'");
      }
      ReplicaId id;
      try {
        id = ReplicaId.of(entry.substring(0, equals).strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      InetSocketAddress address = new HostPort().convert(entry.substring(equals + 1).strip());
      if (peers.put(id, new InetSocketAddress(address.getHostString(), address.getPort()))
          != null) {
        throw new TypeConversionException("replica " + id + " is listed twice");
      }
    }
    return peers;
  }
}
