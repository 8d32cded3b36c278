package dev.ringstore.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates and PKCS#8 private keys as PEM files, the form Netty, Ratis and OpenSSL all read.
 * Keys are written readable by their owner only (0600), created that way so they are never readable
 * by others even for a moment.
 */
final class PemFiles {
  private PemFiles() {}

  static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
    try {
      write(file, new PemObject("CERTIFICATE", certificate.getEncoded()), false);
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IOException("cannot encode certificate: " + e.getMessage(), e);
    }
  }

  static void writeKey(Path file, PrivateKey key) throws IOException {
    write(file, new PemObject("PRIVATE KEY", key.getEncoded()), true);
  }

  static X509Certificate readCertificate(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException | ClassCastException e) {
      throw new IOException(file + " holds no X.509 certificate: " + e.getMessage(), e);
    }
  }

  static PrivateKey readKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object parsed = parser.readObject();
      if (!(parsed instanceof PrivateKeyInfo info)) {
        throw new IOException(file + " holds no PKCS#8 private key");
      }
      return new JcaPEMKeyConverter().getPrivateKey(info);
    }
  }

  private static void write(Path file, PemObject pem, boolean secret) throws IOException {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(pem);
    }
    Files.deleteIfExists(file);
    if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(
        file,
        text.toString(),
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }
}
