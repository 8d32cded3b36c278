package dev.ringstore.config.raft;

import dev.ringstore.security.Identity;
import dev.ringstore.security.JdkTls;
import dev.ringstore.security.PeerCertificates;
import dev.ringstore.security.Role;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom a config replica's Raft traffic trusts: a peer whose certificate the cluster's CA signed, is
 * within its validity, and names the {@link Role#CONFIG} role. The CA signs nodes' and clients'
 * certificates too; without the role check any of them could speak Raft to the group (vote, append,
 * or submit commands past the client port's authorization).
 *
 * <p>The JDK's PKIX trust manager, over the CA alone, does the chain, expiry and (for outgoing
 * connections) host-name checks; this one adds the role.
 */
final class ConfigPeerTrust extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager ca;

  private ConfigPeerTrust(X509ExtendedTrustManager ca) {
    this.ca = ca;
  }

  /** Trusts config replicas whose certificate the CA in {@code caCertificate} (PEM) signed. */
  static ConfigPeerTrust of(Path caCertificate) {
    return new ConfigPeerTrust(JdkTls.trustManager(caCertificate));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    ca.checkClientTrusted(chain, authType, engine);
    requireConfigRole(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    ca.checkServerTrusted(chain, authType, engine);
    requireConfigRole(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    ca.checkClientTrusted(chain, authType, socket);
    requireConfigRole(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    ca.checkServerTrusted(chain, authType, socket);
    requireConfigRole(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    ca.checkClientTrusted(chain, authType);
    requireConfigRole(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    ca.checkServerTrusted(chain, authType);
    requireConfigRole(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return ca.getAcceptedIssuers();
  }

  private static void requireConfigRole(X509Certificate[] chain) throws CertificateException {
    Role role = PeerCertificates.identity(chain[0]).map(Identity::role).orElse(null);
    if (role != Role.CONFIG) {
      throw new CertificateException(
          chain[0].getSubjectX500Principal() + " is not a config replica's certificate");
    }
  }
}
