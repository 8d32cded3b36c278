package dev.ringstore.security;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Reads an {@link Identity} from a verified peer certificate: the subject's CN is the id and its OU
 * the role ({@code CN=n1,OU=node,O=...}, as {@code ringstore certs issue} writes it). The TLS
 * handshake has already checked that the cluster's CA signed it and that it has not expired.
 */
public final class PeerCertificates {
  private PeerCertificates() {}

  /** The peer's identity, or empty when it sent no certificate (a token client). */
  public static Optional<Identity> identity(SSLSession session) {
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
      return Optional.empty();
    }
    return identity(certificate);
  }

  /** The certificate's identity, or empty when its subject names no id or no known role. */
  public static Optional<Identity> identity(X509Certificate certificate) {
    String id = null;
    Role role = null;
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        String value = String.valueOf(rdn.getValue());
        if (rdn.getType().equalsIgnoreCase("CN")) {
          id = value;
        } else if (rdn.getType().equalsIgnoreCase("OU")) {
          role = parseRole(value);
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    if (id == null || id.isEmpty() || role == null) {
      return Optional.empty();
    }
    return Optional.of(new Identity(id, role, Identity.Source.CERTIFICATE));
  }

  private static Role parseRole(String value) {
    try {
      return Role.parse(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
