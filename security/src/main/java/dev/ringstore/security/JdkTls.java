package dev.ringstore.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's form of a process's TLS files, for code that speaks TLS through the JDK rather than
 * Netty (the JDK's {@code HttpClient}, which {@code ringstore local} polls {@code /health} with).
 */
public final class JdkTls {
  private JdkTls() {}

  /** Presents {@code files}' certificate and trusts only its CA. */
  public static SSLContext context(TlsFiles files) {
    files.requireReadable();
    try {
      X509Certificate ca = PemFiles.readCertificate(files.ca());
      X509Certificate own = PemFiles.readCertificate(files.certificate());
      PrivateKey key = PemFiles.readKey(files.key());
      char[] password = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("self", key, password, new Certificate[] {own, ca});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("ca", ca);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SecurityConfigException(
          "cannot use TLS files " + files.certificate() + " and " + files.key() + ": " + e, e);
    }
  }
}
