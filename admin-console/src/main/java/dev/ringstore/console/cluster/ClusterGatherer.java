package dev.ringstore.console.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.config.client.Routing;
import dev.ringstore.console.cluster.ClusterSnapshot.NodeReport;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the cluster every {@code every} while anyone is looking (an API read in the last {@link
 * #WATCHED_FOR}), and answers reads from the last gathering: ten open pages cost the cluster what
 * one does, and a console nobody looks at costs nothing. A read with nothing fresh enough gathers
 * at once.
 */
public final class ClusterGatherer implements AutoCloseable {
  static final Duration WATCHED_FOR = Duration.ofSeconds(30);
  private static final Set<String> GONE = Set.of("left", "removed");
  private static final Logger log = LoggerFactory.getLogger(ClusterGatherer.class);

  private final ConfigReplicas config;
  private final NodeReports nodes;
  private final InstantSource clock;
  private final Duration every;
  private final ObjectMapper json = new ObjectMapper();
  private final ScheduledFuture<?> task;
  private volatile long lastReadMillis = Long.MIN_VALUE / 2;
  private volatile ClusterSnapshot last;
  private Routing routing;

  public ClusterGatherer(
      ConfigReplicas config,
      NodeReports nodes,
      InstantSource clock,
      ScheduledExecutorService scheduler,
      Duration every) {
    this.config = config;
    this.nodes = nodes;
    this.clock = clock;
    this.every = every;
    this.task =
        scheduler.scheduleWithFixedDelay(
            this::gatherIfWatched, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The last gathering, or a new one when there is none from the last two periods. */
  public ClusterSnapshot snapshot() {
    long now = clock.millis();
    lastReadMillis = now;
    ClusterSnapshot current = last;
    if (current == null || now - current.atMillis() > 2 * every.toMillis()) {
      return gather();
    }
    return current;
  }

  private void gatherIfWatched() {
    if (clock.millis() - lastReadMillis < WATCHED_FOR.toMillis()) {
      try {
        gather();
      } catch (RuntimeException e) {
        log.warn("could not gather the cluster's state", e);
      }
    }
  }

  private synchronized ClusterSnapshot gather() {
    JsonNode status = null;
    String problem = null;
    try {
      status = json.readTree(config.service().status().get());
      if (status.hasNonNull("error")) {
        problem = status.get("error").asText();
      }
      long known = routing == null ? 0 : routing.version();
      Routing newer = config.service().tableSince(known).get().orElse(null);
      if (newer != null) {
        routing = newer;
      }
    } catch (Exception e) {
      problem = Problems.describe(e);
    }
    Map<String, String> http = new LinkedHashMap<>();
    if (status != null && status.has("nodes")) {
      for (JsonNode node : status.path("nodes")) {
        if (!GONE.contains(node.path("status").asText())) {
          http.put(node.path("id").asText(), node.path("http").asText(""));
        }
      }
    } else if (routing != null) {
      routing.nodes().forEach((id, record) -> http.put(id.value(), record.getHttp()));
    }
    Map<String, NodeReport> reports = nodes.fetch(http, "/api/v1/node");
    ClusterSnapshot snapshot =
        new ClusterSnapshot(clock.millis(), status, problem, config.states(), routing, reports);
    last = snapshot;
    return snapshot;
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
