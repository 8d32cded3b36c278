package dev.ringstore.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's form of a process's TLS files, for code that speaks TLS through the JDK rather than
 * Netty (the JDK's {@code HttpClient}, which {@code ringstore local} polls {@code /health} with;
 * Ratis's gRPC, whose trust manager a config replica wraps).
 */
public final class JdkTls {
  private JdkTls() {}

  /** Presents {@code files}' certificate and trusts only its CA. */
  public static SSLContext context(TlsFiles files) {
    files.requireReadable();
    try {
      X509Certificate own = PemFiles.readCertificate(files.certificate());
      PrivateKey key = PemFiles.readKey(files.key());
      char[] password = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("self", key, password, new Certificate[] {own});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers.getKeyManagers(), new TrustManager[] {trustManager(files.ca())}, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SecurityConfigException(
          "cannot use TLS files " + files.certificate() + " and " + files.key() + ": " + e, e);
    }
  }

  /**
   * The JDK's PKIX checks (chain, validity) trusting every CA certificate in {@code ca} and nothing
   * else. A file with several (the old and the new CA, while a CA is rotated) trusts them all, as
   * Netty's contexts do.
   */
  public static X509ExtendedTrustManager trustManager(Path ca) {
    try (InputStream in = Files.newInputStream(ca)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      int n = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new SecurityConfigException(ca + " holds no certificate");
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      return Arrays.stream(factory.getTrustManagers())
          .filter(X509ExtendedTrustManager.class::isInstance)
          .map(X509ExtendedTrustManager.class::cast)
          .findFirst()
          .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    } catch (IOException | GeneralSecurityException e) {
      throw new SecurityConfigException(
          "cannot use CA certificate " + ca + ": " + e.getMessage(), e);
    }
  }
}
