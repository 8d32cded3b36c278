package dev.ringstore.console.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.Callable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Answers API requests with JSON, computed off the event loop (gathering and actions block on the
 * cluster). A refusal is {@code {"error", "message"}} with its status; anything unexpected is a 500
 * with one line, logged, and the server keeps serving.
 */
public final class Replies {
  /** The largest request body the API reads: a value at the store's own limit, in base64. */
  public static final int MAX_BODY = 16 << 20;

  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Reply(int status, String text) {}

  private Replies() {}

  /** A read: {@code body} computes the answer. */
  public static Publisher<Void> json(HttpServerResponse response, Callable<JsonNode> body) {
    return send(response, Mono.fromCallable(() -> answer(body)));
  }

  /** An action: the admin check, then the request's JSON body (empty: {}) to {@code act}. */
  public static Publisher<Void> action(
      HttpServerRequest request, HttpServerResponse response, HttpAccess access, ActionBody act) {
    try {
      access.requireAdmin(request);
      String length = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
      if (length != null && Long.parseLong(length) > MAX_BODY) {
        throw new ApiException(413, "TOO_LARGE", "the request body is over " + MAX_BODY + " bytes");
      }
    } catch (ApiException e) {
      return send(response, Mono.just(refusal(e)));
    } catch (NumberFormatException e) {
      return send(response, Mono.just(refusal(ApiException.badRequest("bad Content-Length"))));
    }
    Mono<Reply> reply =
        request
            .receive()
            .aggregate()
            .asString()
            .defaultIfEmpty("")
            .publishOn(Schedulers.boundedElastic())
            .map(
                text ->
                    answer(
                        () -> {
                          JsonNode body;
                          try {
                            body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
                          } catch (Exception e) {
                            throw ApiException.badRequest(
                                "the body is not JSON: "
                                    + e.getMessage().lines().findFirst().orElse(""));
                          }
                          return act.apply(body);
                        }));
    return send(response, reply);
  }

  /** A refusal before any route runs: {@code {"error", "message"}} with its status. */
  public static Publisher<Void> refuse(HttpServerResponse response, ApiException refusal) {
    return send(response, Mono.just(refusal(refusal)));
  }

  /** What an action does with its body. */
  @FunctionalInterface
  public interface ActionBody {
    JsonNode apply(JsonNode body) throws Exception;
  }

  private static Reply answer(Callable<JsonNode> body) {
    try {
      return new Reply(200, JSON.writeValueAsString(body.call()));
    } catch (ApiException e) {
      return refusal(e);
    } catch (Exception e) {
      log.warn("console API request failed", e);
      return refusal(new ApiException(500, "INTERNAL", String.valueOf(e.getMessage())));
    }
  }

  private static Reply refusal(ApiException e) {
    return new Reply(
        e.status(),
        JSON.createObjectNode().put("error", e.code()).put("message", e.getMessage()).toString());
  }

  private static Publisher<Void> send(HttpServerResponse response, Mono<Reply> reply) {
    return reply
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            r ->
                response
                    .status(HttpResponseStatus.valueOf(r.status()))
                    .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .sendString(Mono.just(r.text()))
                    .then());
  }
}
