package dev.ringstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * When the nodes of {@code ringstore local} are ready for a user: not when their ports are open but
 * when each one, by its {@code /health}, routes by a table that holds every node and believes every
 * member reachable — so the first write at the default quorum does not meet a node that has not yet
 * heard from its peers (or still counts them down after a connection refused while they started).
 */
final class LocalReadiness {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient client;
  private final String scheme;
  private final ObjectMapper json = new ObjectMapper();

  LocalReadiness() {
    this.client = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    this.scheme = "http://";
  }

  /** Polls over HTTPS, presenting {@code tls}'s certificate. */
  LocalReadiness(SSLContext tls) {
    this.client = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).sslContext(tls).build();
    this.scheme = "https://";
  }

  /**
   * Polls every node until all are ready or {@code timeout} passes.
   *
   * @return empty when ready, else what the first node not ready said last
   */
  Optional<String> await(List<LocalNode> nodes, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> waiting = firstNotReady(nodes);
      if (waiting.isEmpty() || System.nanoTime() > deadline) {
        return waiting;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private Optional<String> firstNotReady(List<LocalNode> nodes) throws InterruptedException {
    for (LocalNode node : nodes) {
      Optional<String> why = notReady(node.http(), nodes.stream().map(LocalNode::id).toList());
      if (why.isPresent()) {
        return Optional.of(node.id() + ": " + why.get());
      }
    }
    return Optional.empty();
  }

  /**
   * Why the node serving /health on {@code http} is not ready yet, or empty when it is: its table
   * must hold at least the cluster's nodes, and none of {@code cluster} may be unreachable to it (a
   * member the table holds besides them, e.g. one joined by hand and not started now, may be).
   */
  Optional<String> notReady(InetSocketAddress http, List<String> cluster)
      throws InterruptedException {
    int clusterSize = cluster.size();
    JsonNode health;
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(scheme + HostPort.format(http) + "/health"))
                  .timeout(CALL_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.of("/health answered " + response.statusCode());
      }
      health = json.readTree(response.body());
    } catch (IOException e) {
      return Optional.of("/health did not answer: " + e.getMessage());
    }
    int members = health.path("members").asInt(0);
    if (members < clusterSize) {
      return Optional.of(
          "its table (version "
              + health.path("tableVersion").asLong()
              + ") holds "
              + members
              + " of "
              + clusterSize
              + " nodes");
    }
    JsonNode unreachable = health.path("unreachable");
    if (!unreachable.isArray()) {
      return Optional.of("/health does not say which members are unreachable");
    }
    List<String> down = new ArrayList<>();
    unreachable.forEach(id -> down.add(id.asText()));
    down.retainAll(cluster);
    if (!down.isEmpty()) {
      return Optional.of("believes " + down + " unreachable");
    }
    return Optional.empty();
  }
}
