package dev.ringstore.node.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The addresses a node tells the others: {@code --advertise} when given, else what it listens on. A
 * wildcard address (0.0.0.0, ::) is fine to bind but means nothing to another host, so it is never
 * advertised.
 */
public final class Advertised {
  private Advertised() {}

  /**
   * The address to tell the others for the node's port bound to {@code listen}: {@code advertise}
   * when given, else {@code listen}. Refuses with one line, naming {@code flag}, when that is a
   * wildcard.
   */
  public static InetSocketAddress address(
      InetSocketAddress listen, InetSocketAddress advertise, String flag) {
    InetSocketAddress told = advertise != null ? advertise : listen;
    if (isWildcard(told)) {
      throw new IllegalArgumentException(
          flag
              + " "
              + hostPort(listen)
              + " binds every interface, which is no address another node can reach; add"
              + " --advertise HOST:PORT");
    }
    return told;
  }

  /** {@code listen}'s port on the advertised host, for a second listener (HTTP) of the node. */
  public static InetSocketAddress sameHost(InetSocketAddress listen, InetSocketAddress advertise) {
    if (advertise == null || !isWildcard(listen)) {
      return listen;
    }
    return InetSocketAddress.createUnresolved(advertise.getHostString(), listen.getPort());
  }

  public static boolean isWildcard(InetSocketAddress address) {
    String host = address.getHostString();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return true;
    }
    try {
      InetAddress resolved =
          address.getAddress() != null ? address.getAddress() : InetAddress.getByName(host);
      return resolved.isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
