package dev.ringstore.node.server;

import dev.ringstore.common.NodeId;
import dev.ringstore.security.Identity;
import dev.ringstore.security.Role;
import dev.ringstore.security.SecurityConfigException;
import dev.ringstore.security.TlsContexts;
import dev.ringstore.security.TransportSecurity;
import io.netty.handler.ssl.SslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before anything listens, that a node's security makes sense: with TLS its certificate
 * must be a node's and name this node, because peers and the config service take the certificate's
 * id as the node's (a node may report only for itself). Without TLS it says, loudly, that anyone
 * who reaches the ports can read, write and reconfigure the cluster.
 */
final class NodeSecurity {
  private static final Logger log = LoggerFactory.getLogger(NodeSecurity.class);

  /** What an open node says at startup; `ringstore node` prints it too. */
  static final String OPEN_WARNING =
      "THIS CLUSTER IS OPEN: no TLS and no authentication. Anyone who can reach this node's ports"
          + " can read and write every key, forge replica writes and gossip, and read its metrics."
          + " Start nodes with --ca, --cert and --key (see `ringstore certs`) to secure it.";

  private NodeSecurity() {}

  static void check(NodeId node, TransportSecurity security) {
    if (!security.enabled()) {
      log.warn(OPEN_WARNING);
      return;
    }
    Identity self = security.self();
    if (self.role() != Role.NODE) {
      throw new SecurityConfigException(
          security.files().certificate()
              + " is a certificate for "
              + self.describe()
              + "; a node needs one issued with --role node");
    }
    if (!self.id().equals(node.value())) {
      throw new SecurityConfigException(
          security.files().certificate()
              + " names node '"
              + self.id()
              + "', but this node is '"
              + node.value()
              + "'");
    }
    log.info(
        "node {}: TLS on every port, mutual TLS between nodes ({} TLS)",
        node,
        TlsContexts.provider() == SslProvider.OPENSSL ? "OpenSSL" : "JDK");
  }
}
