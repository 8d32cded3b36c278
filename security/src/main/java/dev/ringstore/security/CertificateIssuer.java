package dev.ringstore.security;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Signs one leaf certificate with the CA's key; see {@link CertificateAuthority#issue}. */
final class CertificateIssuer {
  private final X509Certificate caCertificate;
  private final PrivateKey caKey;
  private final Clock clock;
  private final SecureRandom random;

  CertificateIssuer(
      X509Certificate caCertificate, PrivateKey caKey, Clock clock, SecureRandom random) {
    this.caCertificate = caCertificate;
    this.caKey = caKey;
    this.clock = clock;
    this.random = random;
  }

  IssuedCertificate issue(String id, Role role, List<String> hosts, Duration validity) {
    if (id.isBlank() || !id.matches("[A-Za-z0-9._@-]+")) {
      throw new IllegalArgumentException("an id is letters, digits and . _ @ - only: '" + id + "'");
    }
    KeyPair pair = CertificateAuthority.newKeyPair(random);
    Instant now = clock.instant();
    Instant end = now.plus(validity);
    if (end.isAfter(caCertificate.getNotAfter().toInstant())) {
      end = caCertificate.getNotAfter().toInstant();
    }
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, id)
            .addRDN(BCStyle.OU, role.label())
            .addRDN(BCStyle.O, organization())
            .build();
    try {
      var utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  new JcaX509CertificateHolder(caCertificate).getSubject(),
                  CertificateAuthority.serial(random),
                  CertificateAuthority.notBefore(now),
                  Date.from(end),
                  subject,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(
                      new KeyPurposeId[] {
                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                      }))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(caCertificate))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(pair.getPublic()));
      if (!hosts.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
      }
      X509Certificate certificate = CertificateAuthority.sign(builder, caKey);
      return new IssuedCertificate(id, role, certificate, pair.getPrivate(), caCertificate);
    } catch (GeneralSecurityException | IOException e) {
      throw new SecurityConfigException("cannot issue a certificate for " + id + ": " + e, e);
    }
  }

  private String organization() {
    try {
      return new JcaX509CertificateHolder(caCertificate)
          .getSubject()
          .getRDNs(BCStyle.O)[0]
          .getFirst()
          .getValue()
          .toString();
    } catch (GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
      return "ringstore";
    }
  }

  private static GeneralNames alternativeNames(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      names.add(
          InetAddresses.isInetAddress(host)
              ? new GeneralName(GeneralName.iPAddress, host)
              : new GeneralName(GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }
}
