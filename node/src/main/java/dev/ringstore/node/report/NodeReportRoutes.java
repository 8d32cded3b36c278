package dev.ringstore.node.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves the {@link NodeReport} on the node's HTTP port: {@code GET /api/v1/node} and {@code GET
 * /api/v1/node/metrics}, as JSON. The report is built and written on a bounded-elastic thread, not
 * on the event loop: it takes the history's locks and copies ten minutes of samples.
 */
public final class NodeReportRoutes implements Consumer<HttpServerRoutes> {
  private final NodeReport report;
  private final ObjectMapper json = new ObjectMapper();

  public NodeReportRoutes(NodeReport report) {
    this.report = report;
  }

  @Override
  public void accept(HttpServerRoutes routes) {
    routes
        .get("/api/v1/node", (request, response) -> send(response, report::node))
        .get("/api/v1/node/metrics", (request, response) -> send(response, report::metrics));
  }

  private Publisher<Void> send(HttpServerResponse response, Supplier<Map<String, Object>> body) {
    return response
        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .sendString(
            Mono.fromCallable(() -> json.writeValueAsString(body.get()))
                .subscribeOn(Schedulers.boundedElastic()));
  }
}
