package dev.ringstore.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code HOST:PORT} (or {@code [v6-address]:PORT}) options into unresolved addresses, and
 * writes addresses back in that form.
 */
final class HostPort implements ITypeConverter<InetSocketAddress> {
  @Override
  public InetSocketAddress convert(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new TypeConversionException("expected HOST:PORT, not '" + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("expected a port number in '" + value + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new TypeConversionException("port " + port + " is out of range in '" + value + "'");
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** {@code HOST:PORT}, with the host as given (no lookup). */
  static String format(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
