package dev.ringstore.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The ports of a local cluster, at fixed offsets from {@code --base-port} P: node K serves the
 * protocol on P+K-1 and HTTP on P+1000+K-1; config replica K talks Raft on P+500+K-1 and serves
 * clients on P+600+K-1. All on 127.0.0.1.
 */
record LocalPorts(int base) {
  static final int CONFIG_RAFT_OFFSET = 500;
  static final int CONFIG_CLIENT_OFFSET = 600;
  static final int HTTP_OFFSET = 1000;

  /** The highest base port that leaves room for {@code nodes} nodes. */
  static int highestBase(int nodes) {
    return 65_535 - HTTP_OFFSET - (nodes - 1);
  }

  InetSocketAddress nodeProtocol(int k) {
    return loopback(base + k - 1);
  }

  InetSocketAddress nodeHttp(int k) {
    return loopback(base + HTTP_OFFSET + k - 1);
  }

  InetSocketAddress configRaft(int k) {
    return loopback(base + CONFIG_RAFT_OFFSET + k - 1);
  }

  InetSocketAddress configClient(int k) {
    return loopback(base + CONFIG_CLIENT_OFFSET + k - 1);
  }

  /** Fails naming the first port of the cluster that something else already listens on. */
  void requireFree(int nodes, int configReplicas) throws IOException {
    for (int k = 1; k <= nodes; k++) {
      requireFree(nodeProtocol(k), "n" + k + "'s protocol port");
      requireFree(nodeHttp(k), "n" + k + "'s HTTP port");
    }
    for (int k = 1; k <= configReplicas; k++) {
      requireFree(configRaft(k), "c" + k + "'s Raft port");
      requireFree(configClient(k), "c" + k + "'s client port");
    }
  }

  private static void requireFree(InetSocketAddress address, String what) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()));
    } catch (BindException inUse) {
      throw new IllegalStateException(
          "port "
              + address.getPort()
              + " ("
              + what
              + ") is in use: choose other ports with --base-port");
    }
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }
}
