package dev.ringstore.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The console's HTTP API ({@code /api/v1/}, docs/console.md) as a script would call it: reads
 * without a token, actions with whatever {@code Authorization} the test chooses (none, a wrong one,
 * the admin token).
 */
final class ConsoleApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  /** {@code base}: the node's HTTP address, {@code http://HOST:PORT/}. */
  ConsoleApi(URI base) {
    this.base = base;
  }

  /** GET {@code path} (for example {@code overview}); fails unless it answers 200. */
  JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET /api/v1/" + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /**
   * POST {@code body} to {@code path} with {@code Authorization: AUTHORIZATION}, or with no such
   * header when {@code authorization} is null.
   */
  HttpResponse<String> post(String path, String body, String authorization) throws Exception {
    return post(path, body, authorization, null);
  }

  /**
   * As {@link #post(String, String, String)}, as if sent by a page of {@code origin} when given.
   */
  HttpResponse<String> post(String path, String body, String authorization, String origin)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code keys?key=K}, {@code keys/delete?key=K}: the key URL-encoded, as the API wants it. */
  static String withKey(String path, String key) {
    return path + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }

  private URI uri(String path) {
    return base.resolve("/api/v1/" + path);
  }
}
