package dev.ringstore.console.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import dev.ringstore.console.http.HttpTls;
import dev.ringstore.security.TransportSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Reads nodes' own reports over their HTTP ports, all at once, each within a deadline: a node that
 * does not answer in time is reported with why, never waited on.
 */
public final class NodeReports {
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Duration timeout;
  private final String scheme;

  /**
   * @param security with TLS, nodes are read over HTTPS presenting this process's certificate
   */
  public NodeReports(Duration timeout, TransportSecurity security) {
    this.timeout = timeout;
    this.http = HttpTls.connect(HttpClient.create().responseTimeout(timeout), security);
    this.scheme = HttpTls.scheme(security);
  }

  /**
   * Every node's answer at {@code path}.
   *
   * @param httpById each node's HTTP address (HOST:PORT), empty when it registered none
   */
  public Map<String, NodeReport> fetch(Map<String, String> httpById, String path) {
    Map<String, NodeReport> reports = new TreeMap<>();
    Flux.fromIterable(httpById.entrySet())
        .flatMap(e -> one(e.getKey(), e.getValue(), path))
        .doOnNext(r -> reports.put(r.id(), r))
        .then()
        .block(timeout.plusSeconds(1));
    return reports;
  }

  private Mono<NodeReport> one(String id, String address, String path) {
    if (address == null || address.isEmpty()) {
      return Mono.just(new NodeReport(id, null, null, "it registered no HTTP address (--http)"));
    }
    return http.get()
        .uri(scheme + "://" + address + path)
        .responseSingle(
            (response, body) ->
                response.status().code() == 200
                    ? body.asString().map(this::parse)
                    : Mono.error(new IllegalStateException("HTTP " + response.status().code())))
        .map(report -> new NodeReport(id, address, report, null))
        .timeout(timeout)
        .onErrorResume(e -> Mono.just(new NodeReport(id, address, null, Problems.describe(e))));
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable JSON", e);
    }
  }
}
