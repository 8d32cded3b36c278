package dev.ringstore.cli;

import dev.ringstore.common.NodeId;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --peers n1=HOST:PORT,n2=HOST:PORT,...} into a map of member ids to addresses. */
final class PeerList implements ITypeConverter<Map<NodeId, InetSocketAddress>> {
  @Override
  public Map<NodeId, InetSocketAddress> convert(String value) {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new TypeConversionException("expected ID=HOST:PORT, not '" + entry + "'");
      }
      NodeId id;
      try {
        id = NodeId.of(entry.substring(0, equals).strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      InetSocketAddress address = new HostPort().convert(entry.substring(equals + 1).strip());
      if (peers.put(id, new InetSocketAddress(address.getHostString(), address.getPort()))
          != null) {
        throw new TypeConversionException("peer " + id + " is listed twice");
      }
    }
    return peers;
  }
}
