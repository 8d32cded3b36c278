package dev.ringstore.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.console.ConsoleServer;
import dev.ringstore.console.ConsoleSettings;
import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsContexts;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The console on its own port with TLS, certificates from a real CA and a config service that is
 * not there: the pages load without credentials, the API's reads need the admin token or an admin
 * certificate, and actions keep their rules (401 without credentials, 403 from another origin).
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHttpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  private CertificateAuthority ca;
  private TlsFiles console;
  private ConsoleServer server;
  private String base;

  private record Answer(int status, String body) {
    String error() throws IOException {
      JsonNode json = JSON.readTree(body);
      return json.path("error").asText() + ": " + json.path("message").asText();
    }
  }

  @BeforeAll
  void start() throws IOException {
    ca =
        CertificateAuthority.create(
            "test", Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
    ca.writeTo(dir);
    console = issue("console", Role.ADMIN);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    server =
        ConsoleServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new ConsoleSettings(
                    List.of(new InetSocketAddress("127.0.0.1", closed)),
                    TOKEN,
                    InstantSource.system(),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(500))
                .withSecurity(TransportSecurity.tls(console, Optional.empty())));
    base = "https://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void thePagesLoadWithoutCredentials() {
    Answer page = get(anonymous(), "/console/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<html");
    assertThat(get(anonymous(), "/console/api.js").status()).isEqualTo(200);
    assertThat(get(anonymous(), "/console/vendor/uplot/uPlot.esm.js").status()).isEqualTo(200);
  }

  @Test
  void aReadWithoutCredentialsIs401NamingWhatItNeeds() throws IOException {
    Answer read = get(anonymous(), "/api/v1/overview");
    assertThat(read.status()).isEqualTo(401);
    assertThat(read.error()).startsWith("UNAUTHORIZED").contains("role admin", "admin token");
  }

  @Test
  void aReadWithTheTokenOrAnAdminCertificateAnswers() throws IOException {
    assertThat(get(withToken(TOKEN), "/api/v1/overview").status()).isEqualTo(200);
    assertThat(get(as(issue("ops", Role.ADMIN)), "/api/v1/overview").status()).isEqualTo(200);
    Answer wrong = get(withToken("wrong"), "/api/v1/overview");
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void aNodeOrReaderCertificateMayNotUseTheConsole() throws IOException {
    for (Role role : List.of(Role.NODE, Role.READER)) {
      Answer read = get(as(issue("x-" + role.label(), role)), "/api/v1/overview");
      assertThat(read.status()).as(role.label()).isEqualTo(403);
      assertThat(read.error()).startsWith("FORBIDDEN").contains("needs role admin");
    }
  }

  @Test
  void actionsKeepTheirRules() throws IOException {
    Answer none = post(anonymous(), "commit", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(post(withToken(TOKEN), "commit", "https://evil.example").status()).isEqualTo(403);
    // Authorised, they reach the config service, which is not there.
    assertThat(post(withToken(TOKEN), "commit", base).status()).isEqualTo(503);
    assertThat(post(as(issue("ops2", Role.ADMIN)), "cancel", null).status()).isEqualTo(503);
    assertThat(post(as(issue("n9", Role.NODE)), "cancel", null).status()).isEqualTo(403);
  }

  private TlsFiles issue(String id, Role role) {
    try {
      return ca.issue(id, role, List.of("ringstore.invalid"), Duration.ofDays(1)).writeTo(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpClient anonymous() {
    return HttpTls.connect(HttpClient.create(), TlsContexts.clientWithoutCertificate(console.ca()));
  }

  private HttpClient withToken(String token) {
    return anonymous().headers(h -> h.set("Authorization", "Bearer " + token));
  }

  private static HttpClient as(TlsFiles files) {
    return HttpTls.connect(HttpClient.create(), TransportSecurity.tls(files, Optional.empty()));
  }

  private Answer get(HttpClient client, String path) {
    return answer(client.get().uri(base + path));
  }

  private Answer post(HttpClient client, String action, String origin) {
    HttpClient sending = origin == null ? client : client.headers(h -> h.set("Origin", origin));
    return answer(sending.post().uri(base + "/api/v1/" + action).send(Mono.empty()));
  }

  private static Answer answer(HttpClient.ResponseReceiver<?> request) {
    return request
        .responseSingle(
            (response, body) ->
                body.asString()
                    .defaultIfEmpty("")
                    .map(text -> new Answer(response.status().code(), text)))
        .block(TIMEOUT);
  }
}
