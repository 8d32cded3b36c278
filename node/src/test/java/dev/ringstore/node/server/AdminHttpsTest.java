package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.console.http.HttpTls;
import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.IssuedCertificate;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsContexts;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A node's HTTP port with TLS, on a real socket with certificates from a real CA: HTTPS only, the
 * console's pages open, everything else for a certificate with role admin or node (the console's
 * API for admin) or the admin token, and nothing for a certificate another CA signed.
 *
 * <p>Certificates name a host that is not 127.0.0.1: host names are not checked, as on the
 * protocol's connections.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminHttpsTest {
  private static final String TOKEN = "the-admin-token";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private final SecureRandom random = new SecureRandom();
  private CertificateAuthority ca;
  private TlsFiles node;
  private AdminHttpServer server;
  private String base;

  private record Answer(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  @BeforeAll
  void start() throws IOException {
    ca = CertificateAuthority.create("test", Duration.ofDays(1), Clock.systemUTC(), random);
    ca.writeTo(dir.resolve("certs"));
    node = issue(ca, "n1", Role.NODE);
    server =
        AdminHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> Map.of("status", "up"),
            List.of(
                routes ->
                    routes
                        .get("/api/v1/node", (q, r) -> r.sendString(Mono.just("{}")))
                        .get("/api/v1/overview", (q, r) -> r.sendString(Mono.just("{}")))
                        .get("/console/index.html", (q, r) -> r.sendString(Mono.just("page")))),
            TransportSecurity.tls(node, Optional.empty()),
            Optional.of(TOKEN));
    base = "https://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void plainHttpGetsNoHttpAnswer() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readSome(socket.getInputStream())).doesNotStartWith("HTTP/");
    }
  }

  @Test
  void withoutCertificateOrTokenEverythingButThePagesIs401() throws IOException {
    HttpClient anonymous = withoutCertificate();
    for (String path : List.of("/metrics", "/health", "/api/v1/node", "/api/v1/overview")) {
      Answer answer = get(anonymous, path);
      assertThat(answer.status()).as(path).isEqualTo(401);
      assertThat(answer.json().get("error").asText()).isEqualTo("UNAUTHORIZED");
      assertThat(answer.json().get("message").asText()).contains("certificate", "admin token");
    }
    assertThat(get(anonymous, "/metrics").json().get("message").asText())
        .contains("role admin or node");
    assertThat(get(anonymous, "/console/index.html")).isEqualTo(new Answer(200, "page"));
  }

  @Test
  void aReaderCertificateIs403NamingTheRoleNeeded() throws IOException {
    HttpClient reader = as(issue(ca, "dashboard", Role.READER));
    for (String path : List.of("/metrics", "/health")) {
      Answer answer = get(reader, path);
      assertThat(answer.status()).as(path).isEqualTo(403);
      assertThat(answer.json().get("error").asText()).isEqualTo("FORBIDDEN");
      assertThat(answer.json().get("message").asText())
          .contains("needs role admin or node", "reader 'dashboard'");
    }
  }

  @Test
  void aNodeOrAdminCertificateReadsTheNodesPaths() {
    for (HttpClient member :
        List.of(as(issue(ca, "n2", Role.NODE)), as(issue(ca, "ops", Role.ADMIN)))) {
      assertThat(get(member, "/metrics").status()).isEqualTo(200);
      assertThat(get(member, "/health").body()).contains("\"up\"");
      assertThat(get(member, "/api/v1/node").status()).isEqualTo(200);
    }
  }

  @Test
  void theConsolesApiIsForAdminsNotNodes() throws IOException {
    Answer node = get(as(issue(ca, "n3", Role.NODE)), "/api/v1/overview");
    assertThat(node.status()).isEqualTo(403);
    assertThat(node.json().get("message").asText()).contains("needs role admin");
    assertThat(get(as(issue(ca, "ops2", Role.ADMIN)), "/api/v1/overview").status()).isEqualTo(200);
  }

  @Test
  void theAdminTokenReadsEverythingWithoutACertificate() throws IOException {
    HttpClient withToken =
        withoutCertificate().headers(h -> h.set("Authorization", "Bearer " + TOKEN));
    for (String path : List.of("/metrics", "/health", "/api/v1/node", "/api/v1/overview")) {
      assertThat(get(withToken, path).status()).as(path).isEqualTo(200);
    }
    Answer wrong =
        get(withoutCertificate().headers(h -> h.set("Authorization", "Bearer nope")), "/health");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("message").asText()).contains("wrong");
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedInTheHandshake() throws IOException {
    CertificateAuthority other =
        CertificateAuthority.create("other", Duration.ofDays(1), Clock.systemUTC(), random);
    IssuedCertificate stranger =
        other.issue("ops", Role.ADMIN, List.of("ringstore.invalid"), Duration.ofDays(1));
    // It trusts our CA and always presents its certificate (a TLS client would otherwise keep a
    // certificate back that the server's CA list does not name): only the server can refuse it.
    SslContext context =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .keyManager(new AlwaysPresent(stranger.key(), stranger.certificate()))
            .trustManager(node.ca().toFile())
            .build();
    assertThatThrownBy(() -> get(secure(context), "/health")).isInstanceOf(Exception.class);
  }

  /** A key manager that presents its one certificate whatever the server asks for. */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final PrivateKey key;
    private final X509Certificate certificate;

    AlwaysPresent(PrivateKey key, X509Certificate certificate) {
      this.key = key;
      this.certificate = certificate;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"it"};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "it";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      return "it";
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {certificate};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }
  }

  @Test
  void withoutTlsThePortIsOpenAsBefore() {
    try (AdminHttpServer open =
        AdminHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> Map.of("status", "up"),
            List.of())) {
      Answer answer =
          answer(HttpClient.create(), "http://127.0.0.1:" + open.address().getPort() + "/health");
      assertThat(answer.status()).isEqualTo(200);
    }
  }

  private TlsFiles issue(CertificateAuthority signer, String id, Role role) {
    try {
      return signer
          .issue(id, role, List.of("ringstore.invalid"), Duration.ofDays(1))
          .writeTo(dir.resolve("certs"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** How the console reads a node: HTTPS with its own certificate, {@link HttpTls}. */
  private static HttpClient as(TlsFiles files) {
    return HttpTls.connect(HttpClient.create(), TransportSecurity.tls(files, Optional.empty()));
  }

  private HttpClient withoutCertificate() {
    return secure(TlsContexts.clientWithoutCertificate(node.ca()));
  }

  private static HttpClient secure(SslContext context) {
    return HttpTls.connect(HttpClient.create(), context);
  }

  private Answer get(HttpClient client, String path) {
    return answer(client, base + path);
  }

  private static Answer answer(HttpClient client, String url) {
    return client
        .get()
        .uri(url)
        .responseSingle(
            (response, body) ->
                body.asString()
                    .defaultIfEmpty("")
                    .map(text -> new Answer(response.status().code(), text)))
        .block(TIMEOUT);
  }

  private static String readSome(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[256];
    try {
      int n;
      while (read.size() < 16 && (n = in.read(buffer)) > 0) {
        read.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // no answer, or the connection was reset: either way not HTTP
    }
    return read.toString(StandardCharsets.ISO_8859_1);
  }
}
