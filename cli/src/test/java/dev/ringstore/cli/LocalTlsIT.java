package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.security.ClientSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringstore local --tls} from the real jar: every port (node protocol, node HTTP, config
 * client, Raft) refuses plain TCP and connections without a certificate; the CLI works with the
 * certificates it made; a reader cannot write; and a node whose certificate another CA signed
 * cannot join.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LocalTlsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void everyPortRefusesPlainAndUnauthenticatedConnectionsAndTheCliUsesTheCertificates()
      throws Exception {
    int base = CliProcesses.freeBasePort(3, 3);
    try (LocalClusterProcess cluster = LocalClusterProcess.start(dir, base, 3, 3, true)) {
      Path certs = dir.resolve("certs");
      List<InetSocketAddress> protocolPorts = new ArrayList<>();
      List<InetSocketAddress> httpPorts = new ArrayList<>();
      List<InetSocketAddress> raftPorts = new ArrayList<>();
      for (JsonNode process : cluster.processes()) {
        protocolPorts.add(address(process.get("listen").asText()));
        if (process.has("http")) {
          httpPorts.add(address(process.get("http").asText()));
        }
        if (process.has("raft")) {
          raftPorts.add(address(process.get("raft").asText()));
        }
      }
      assertThat(protocolPorts).hasSize(6);

      for (InetSocketAddress port : protocolPorts) {
        assertThatThrownBy(() -> plainGet(port)).as("plain TCP to %s", port).isNotNull();
        assertThat(tlsWithoutCertificateIsRefused(port, certs))
            .as("no certificate, %s", port)
            .isTrue();
      }
      for (InetSocketAddress port : raftPorts) {
        assertThat(plainBytesGetNoAnswer(port, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"))
            .as("plain HTTP/2 to Raft port %s", port)
            .isTrue();
        assertThat(tlsWithoutCertificateIsRefused(port, certs)).as("Raft %s", port).isTrue();
      }
      for (InetSocketAddress port : httpPorts) {
        assertThat(plainBytesGetNoAnswer(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"))
            .as("plain HTTP to %s", port)
            .isTrue();
        assertThat(httpsStatus(port, "/health", certs)).isEqualTo(401);
        assertThat(httpsStatus(port, "/metrics", certs)).isEqualTo(401);
      }

      var put = CliProcesses.run(List.of("put", "cart:1", "apples", "--data", dir.toString()), 60);
      assertThat(put.exitCode()).as(put.err()).isZero();
      var get = CliProcesses.run(List.of("get", "cart:1", "--data", dir.toString()), 60);
      assertThat(get.out()).contains("apples");

      var issued =
          CliProcesses.run(
              List.of(
                  "certs", "issue", "--dir", certs.toString(), "--id", "dash", "--role", "reader"),
              60);
      assertThat(issued.exitCode()).as(issued.err()).isZero();
      List<String> asReader =
          List.of(
              "--via", protocolPorts.get(0).getHostString() + ":" + protocolPorts.get(0).getPort(),
              "--ca", certs.resolve("ca.crt").toString(),
              "--cert", certs.resolve("dash.crt").toString(),
              "--key", certs.resolve("dash.key").toString());
      var read = CliProcesses.run(concat(List.of("get", "cart:1"), asReader), 60);
      assertThat(read.out()).contains("apples");
      var write = CliProcesses.run(concat(List.of("put", "cart:1", "pears"), asReader), 60);
      assertThat(write.exitCode()).isEqualTo(1);
      assertThat(write.err()).contains("UNAUTHORIZED").contains("needs role writer");

      // A node with another CA's certificate asks to join, and is never let in.
      Path other = dir.resolve("other-ca");
      CliProcesses.run(List.of("certs", "init", "--dir", other.toString()), 60);
      CliProcesses.run(
          List.of("certs", "issue", "--dir", other.toString(), "--id", "n4", "--role", "node"), 60);
      String config =
          String.join(
              ",",
              cluster.processes().findValuesAsText("listen").stream()
                  .filter(a -> !protocolPorts.subList(0, 3).contains(address(a)))
                  .toList());
      cluster.spawn(
          List.of(
              "node",
              "--id",
              "n4",
              "--listen",
              "127.0.0.1:" + freePort(),
              "--data",
              dir.resolve("n4").toString(),
              "--config",
              config,
              "--ca",
              other.resolve("ca.crt").toString(),
              "--cert",
              other.resolve("n4.crt").toString(),
              "--key",
              other.resolve("n4.key").toString()),
          dir.resolve("n4.out"));
      Thread.sleep(8_000);
      var status = CliProcesses.run(List.of("status", "--data", dir.toString(), "--json"), 60);
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out()).contains("\"n1\"").doesNotContain("n4");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A get over plain TCP: must fail, never answer. */
  private static void plainGet(InetSocketAddress port) {
    try (ProtocolClient client =
        ProtocolClient.create(ProtocolLimits.defaults(), 1, ClientSecurity.none())) {
      Connection connection = client.connect(port, WAIT).join();
      connection
          .send(
              Request.newBuilder()
                  .setGet(GetRequest.newBuilder().setKey(ByteString.copyFromUtf8("cart:1")))
                  .build(),
              WAIT)
          .join();
    }
  }

  /**
   * Sends {@code text} in plain TCP and reads until the server closes: true when what came back is
   * not that protocol's answer (nothing, or a TLS alert record, which starts with 0x15).
   */
  private static boolean plainBytesGetNoAnswer(InetSocketAddress port, String text)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(port, 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] answer;
      try (InputStream in = socket.getInputStream()) {
        answer = in.readNBytes(64);
      } catch (IOException e) {
        return true; // reset by the server
      }
      return answer.length == 0
          || answer[0] == 0x15
          || !new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/");
    }
  }

  /** A TLS client that trusts the cluster's CA but has no certificate: the server must refuse. */
  private static boolean tlsWithoutCertificateIsRefused(InetSocketAddress port, Path certs)
      throws Exception {
    SSLContext context = trustOnly(certs.resolve("ca.crt"));
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(port, 5_000);
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      // TLS 1.3: the server checks the client's (missing) certificate after the client finished.
      socket.getOutputStream().write(new byte[] {0, 0, 0, 0});
      socket.getOutputStream().flush();
      return socket.getInputStream().read() == -1;
    } catch (IOException e) {
      return true;
    }
  }

  private static int httpsStatus(InetSocketAddress port, String path, Path certs) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(trustOnly(certs.resolve("ca.crt"))).build();
    URI uri = URI.create("https://" + port.getHostString() + ":" + port.getPort() + path);
    return client
        .send(
            HttpRequest.newBuilder(uri).timeout(WAIT).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static SSLContext trustOnly(Path ca) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trusted.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
