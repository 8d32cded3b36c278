package dev.ringstore.client;

import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.protocol.v1.RoutingState;
import dev.ringstore.protocol.v1.TableQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks for the bucket table newer than a version: the config service's replicas first (they own
 * it), then the seed nodes (every node answers from the table it routes by, so a client started
 * while the config service is down still finds the cluster). The first answer wins.
 */
final class TableFetcher {
  private final ClientTransport transport;
  private final List<String> sources;
  private final Duration wait;

  TableFetcher(ClientTransport transport, List<String> sources, Duration wait) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("give config service addresses or seed nodes");
    }
    this.transport = transport;
    this.sources = List.copyOf(sources);
    this.wait = wait;
  }

  /** The routing newer than {@code version}; empty when the first answer says it is unchanged. */
  CompletableFuture<Optional<Routing>> since(long version) {
    Request request =
        Request.newBuilder()
            .setConfigQuery(
                ConfigQuery.newBuilder().setTable(TableQuery.newBuilder().setSinceVersion(version)))
            .build();
    return from(request, 0, null);
  }

  private CompletableFuture<Optional<Routing>> from(Request request, int index, String failures) {
    if (index == sources.size()) {
      return CompletableFuture.failedFuture(
          new RingstoreException(
              ErrorCode.UNAVAILABLE, "no source of the bucket table answered: " + failures));
    }
    String source = sources.get(index);
    return transport
        .send(source, request, wait)
        .thenApply(TableFetcher::routing)
        .exceptionallyCompose(
            failure -> {
              String reason = source + " (" + ClientFailures.message(failure) + ")";
              return from(request, index + 1, failures == null ? reason : failures + ", " + reason);
            });
  }

  private static Optional<Routing> routing(Response response) {
    if (response.hasError()) {
      throw RingstoreException.fromError(response.getError());
    }
    if (response.getConfig().hasError()) {
      throw RingstoreException.fromError(response.getConfig().getError());
    }
    RoutingState state = response.getConfig().getTable();
    return state.getUnchanged() || state.getVersion() == 0
        ? Optional.empty()
        : Optional.of(Routing.fromProto(state));
  }
}
