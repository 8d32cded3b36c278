package dev.ringstore.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.console.action.ChangeActions;
import dev.ringstore.console.action.KeyActions;
import dev.ringstore.console.cluster.ClusterGatherer;
import dev.ringstore.console.cluster.ClusterSnapshot;
import dev.ringstore.console.cluster.NodeReports;
import dev.ringstore.console.cluster.Verdicts;
import dev.ringstore.console.http.ApiException;
import dev.ringstore.console.http.HttpAccess;
import dev.ringstore.console.http.Replies;
import dev.ringstore.console.http.StaticAssets;
import dev.ringstore.console.view.ConfigView;
import dev.ringstore.console.view.MembersView;
import dev.ringstore.console.view.MetricsView;
import dev.ringstore.console.view.OverviewView;
import dev.ringstore.console.view.RingView;
import dev.ringstore.console.view.TransferView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/** The console's paths (docs/console.md): the API's reads and actions, and the pages. */
final class ConsoleRoutes {
  private static final int MAX_KEY = 64 << 10;

  private final ClusterGatherer gatherer;
  private final NodeReports nodes;
  private final ChangeActions changes;
  private final KeyActions keys;
  private final HttpAccess access;
  private final StaticAssets assets;

  ConsoleRoutes(
      ClusterGatherer gatherer,
      NodeReports nodes,
      ChangeActions changes,
      KeyActions keys,
      HttpAccess access,
      StaticAssets assets) {
    this.gatherer = gatherer;
    this.nodes = nodes;
    this.changes = changes;
    this.keys = keys;
    this.access = access;
    this.assets = assets;
  }

  void addTo(HttpServerRoutes routes) {
    routes
        .get("/api/v1/overview", (q, r) -> read(r, this::overview))
        .get("/api/v1/ring", (q, r) -> read(r, this::ring))
        .get("/api/v1/members", (q, r) -> read(r, s -> MembersView.of(s, verdicts(s))))
        .get("/api/v1/config", (q, r) -> read(r, ConfigView::of))
        .get("/api/v1/transfer", (q, r) -> read(r, TransferView::of))
        .get("/api/v1/metrics", (q, r) -> read(r, this::metrics))
        .get("/api/v1/keys", (q, r) -> read(r, s -> keys.inspect(s.routing(), down(s), key(q))))
        .post("/api/v1/plan", (q, r) -> Replies.action(q, r, access, changes::plan))
        .post("/api/v1/commit", (q, r) -> Replies.action(q, r, access, body -> changes.commit()))
        .post("/api/v1/cancel", (q, r) -> Replies.action(q, r, access, body -> changes.cancel()))
        .post(
            "/api/v1/keys/resolve",
            (q, r) -> Replies.action(q, r, access, body -> resolve(q, body)))
        .post(
            "/api/v1/keys/delete", (q, r) -> Replies.action(q, r, access, body -> delete(q, body)))
        .get("/", (q, r) -> r.sendRedirect("/console/"))
        .get("/console", (q, r) -> r.sendRedirect("/console/"))
        .route(
            q -> q.method().equals(HttpMethod.GET) && path(q).startsWith("/console/"), this::asset);
  }

  private interface View {
    JsonNode of(ClusterSnapshot snapshot) throws Exception;
  }

  private Publisher<Void> read(HttpServerResponse response, View view) {
    return Replies.json(response, () -> view.of(gatherer.snapshot()));
  }

  /** The health line, from one judgement of the members shared with the ring it counts. */
  private ObjectNode overview(ClusterSnapshot snapshot) {
    Verdicts verdicts = verdicts(snapshot);
    return OverviewView.of(snapshot, verdicts, RingView.of(snapshot.routing(), verdicts));
  }

  private ObjectNode ring(ClusterSnapshot snapshot) {
    return RingView.of(snapshot.routing(), verdicts(snapshot));
  }

  private static Verdicts verdicts(ClusterSnapshot snapshot) {
    return Verdicts.of(snapshot);
  }

  private static java.util.function.Predicate<String> down(ClusterSnapshot snapshot) {
    return verdicts(snapshot)::isDown;
  }

  private JsonNode metrics(ClusterSnapshot snapshot) {
    Map<String, String> http = new LinkedHashMap<>();
    snapshot.reports().forEach((id, report) -> http.put(id, report.http()));
    return MetricsView.of(nodes.fetch(http, "/api/v1/node/metrics"));
  }

  private JsonNode resolve(HttpServerRequest request, JsonNode body) {
    String value = body.path("value").asText(null);
    if (value == null) {
      throw ApiException.badRequest("\"value\" (base64) is missing");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("\"value\" is not base64: " + e.getMessage());
    }
    ClusterSnapshot snapshot = gatherer.snapshot();
    return keys.resolve(snapshot.routing(), down(snapshot), key(request), bytes, context(body));
  }

  private JsonNode delete(HttpServerRequest request, JsonNode body) {
    ClusterSnapshot snapshot = gatherer.snapshot();
    return keys.delete(snapshot.routing(), down(snapshot), key(request), context(body));
  }

  private static String context(JsonNode body) {
    return body.path("context").asText("");
  }

  private static byte[] key(HttpServerRequest request) {
    List<String> given = new QueryStringDecoder(request.uri()).parameters().get("key");
    if (given == null || given.isEmpty() || given.get(0).isEmpty()) {
      throw ApiException.badRequest("give the key as ?key=K (URL-encoded UTF-8)");
    }
    byte[] key = given.get(0).getBytes(StandardCharsets.UTF_8);
    if (key.length > MAX_KEY) {
      throw new ApiException(400, "TOO_LARGE", "a key is at most " + MAX_KEY + " bytes");
    }
    return key;
  }

  private static String path(HttpServerRequest request) {
    return new QueryStringDecoder(request.uri()).path();
  }

  private Publisher<Void> asset(HttpServerRequest request, HttpServerResponse response) {
    String relative = path(request).substring("/console/".length());
    return assets
        .find(relative)
        .map(
            asset ->
                response
                    .header(HttpHeaderNames.CONTENT_TYPE, asset.contentType())
                    .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                    .sendByteArray(Mono.just(asset.bytes()))
                    .then())
        .orElseGet(
            () ->
                response
                    .status(HttpResponseStatus.NOT_FOUND)
                    .sendString(Mono.just("not found\n"))
                    .then());
  }
}
