package dev.ringstore.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A cluster's certificate authority: an EC P-256 key and a self-signed certificate, kept as {@code
 * ca.key} (0600) and {@code ca.crt} in a certificate directory. It signs every member's and
 * client's certificate ({@link #issue}); every listener trusts it and nothing else.
 */
public final class CertificateAuthority {
  /** The CA's key file in a certificate directory. */
  public static final String CA_KEY = "ca.key";

  private final X509Certificate certificate;
  private final PrivateKey key;
  private final Clock clock;
  private final SecureRandom random;

  private CertificateAuthority(
      X509Certificate certificate, PrivateKey key, Clock clock, SecureRandom random) {
    this.certificate = certificate;
    this.key = key;
    this.clock = clock;
    this.random = random;
  }

  /** A new CA for the cluster {@code cluster}, valid for {@code validity} from now. */
  public static CertificateAuthority create(
      String cluster, Duration validity, Clock clock, SecureRandom random) {
    KeyPair pair = newKeyPair(random);
    X500Name name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, "Ringstore CA " + cluster)
            .addRDN(BCStyle.O, cluster)
            .build();
    Instant now = clock.instant();
    try {
      var utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(random),
                  notBefore(now),
                  Date.from(now.plus(validity)),
                  name,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(pair.getPublic()));
      return new CertificateAuthority(
          sign(builder, pair.getPrivate()), pair.getPrivate(), clock, random);
    } catch (GeneralSecurityException | IOException e) {
      throw new SecurityConfigException("cannot create a CA: " + e.getMessage(), e);
    }
  }

  /** The CA kept in {@code dir} ({@code ca.crt}, {@code ca.key}). */
  public static CertificateAuthority load(Path dir, Clock clock, SecureRandom random) {
    Path crt = dir.resolve(TlsFiles.CA_CERTIFICATE);
    Path key = dir.resolve(CA_KEY);
    if (!Files.exists(crt) || !Files.exists(key)) {
      throw new SecurityConfigException(
          "no CA in " + dir + " (run `ringstore certs init --dir " + dir + "` first)");
    }
    try {
      return new CertificateAuthority(
          PemFiles.readCertificate(crt), PemFiles.readKey(key), clock, random);
    } catch (IOException e) {
      throw new SecurityConfigException("cannot read the CA in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code ca.crt} and {@code ca.key} (0600) into {@code dir}, creating it. */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    PemFiles.writeKey(dir.resolve(CA_KEY), key);
    PemFiles.writeCertificate(dir.resolve(TlsFiles.CA_CERTIFICATE), certificate);
  }

  /**
   * A new key and a certificate for {@code id} in {@code role}, good for server and client
   * authentication alike, naming {@code hosts} (names or IP addresses) as its subject alternative
   * names.
   */
  public IssuedCertificate issue(String id, Role role, List<String> hosts, Duration validity) {
    return new CertificateIssuer(certificate, key, clock, random).issue(id, role, hosts, validity);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new SecurityConfigException("cannot generate an EC key: " + e.getMessage(), e);
    }
  }

  static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  /** A minute back, so a peer whose clock runs a little behind accepts a fresh certificate. */
  static Date notBefore(Instant now) {
    return Date.from(now.minus(Duration.ofMinutes(1)));
  }

  static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
      return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }
}
