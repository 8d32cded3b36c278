package dev.ringstore.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.console.ConsoleServer;
import dev.ringstore.console.ConsoleSettings;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The console's HTTP surface on a real port, with a config service that is not there: every action
 * is refused without the token or from another origin before anything is sent anywhere, a read
 * still answers (naming the missing service), and the pages and uPlot are served from the class
 * path with nothing outside it reachable.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private ConsoleServer server;
  private String base;

  @BeforeAll
  void start() throws Exception {
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
                Duration.ofMillis(500)));
    base = "http://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void anActionWithoutTheTokenIs401() throws Exception {
    for (String path :
        List.of("plan", "commit", "cancel", "keys/resolve?key=k", "keys/delete?key=k")) {
      HttpResponse<String> response = post(path, null, null);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("UNAUTHORIZED");
    }
    assertThat(post("commit", "wrong", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anActionFromAnotherSitesPageIs403EvenWithTheToken() throws Exception {
    HttpResponse<String> response = post("commit", TOKEN, "http://evil.example");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void anAuthorisedActionReachesTheServiceAndSaysItDidNotAnswer() throws Exception {
    HttpResponse<String> response = post("commit", TOKEN, base);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void badBodiesAreTypedErrors() throws Exception {
    HttpResponse<String> notJson =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/plan"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).get("error").asText()).isEqualTo("BAD_REQUEST");
    HttpResponse<String> noKey = get("/api/v1/keys");
    assertThat(noKey.statusCode()).isEqualTo(400);
  }

  @Test
  void theOverviewNamesTheMissingConfigService() throws Exception {
    HttpResponse<String> response = get("/api/v1/overview");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode overview = JSON.readTree(response.body());
    assertThat(overview.get("healthy").asBoolean()).isFalse();
    assertThat(overview.get("reasons").get(0).get("kind").asText()).isEqualTo("config-leader");
  }

  @Test
  void uPlotIsServedFromItsWebjarAndNothingOutsideTheAssets() throws Exception {
    HttpResponse<String> uplot = get("/console/vendor/uplot/uPlot.esm.js");
    assertThat(uplot.statusCode()).isEqualTo(200);
    assertThat(uplot.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(uplot.body()).contains("export");
    assertThat(get("/console/vendor/uplot/../../../../logback-test.xml").statusCode())
        .isEqualTo(404);
    assertThat(get("/console/%2e%2e/dev/ringstore/console/Console.class").statusCode())
        .isEqualTo(404);
    assertThat(get("/console/no-such-file.js").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/" + path))
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
