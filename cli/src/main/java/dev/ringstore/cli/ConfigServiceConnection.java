package dev.ringstore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.NodeClient;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.ConfigRejectedException;
import dev.ringstore.config.client.RemoteConfigChannel;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.security.ClientSecurity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The CLI's connection to the config service: its operations with answers as JSON trees, and its
 * failures as one line each — a refusal says why ({@link ConfigRefusedException}), an unreachable
 * service names the addresses tried ({@link ConfigUnreachableException}).
 */
final class ConfigServiceConnection implements AutoCloseable {
  /** How long one replica may take when the command gives no --timeout. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<InetSocketAddress> replicas;
  private final ConfigClient client;
  private final ClientSecurity security;

  private ConfigServiceConnection(
      List<InetSocketAddress> replicas, ConfigClient client, ClientSecurity security) {
    this.replicas = List.copyOf(replicas);
    this.client = client;
    this.security = security;
  }

  static ConfigServiceConnection open(List<InetSocketAddress> replicas, Duration timeout) {
    return open(replicas, timeout, ClientSecurity.none());
  }

  /** Connects with {@code security}, which the nodes it then reaches are connected with too. */
  static ConfigServiceConnection open(
      List<InetSocketAddress> replicas, Duration timeout, ClientSecurity security) {
    ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults(), 0, security);
    return new ConfigServiceConnection(
        replicas,
        new ConfigClient(
            new RemoteConfigChannel(protocol, true, replicas, timeout), InstantSource.system()),
        security);
  }

  /** The --timeout given, or {@link #DEFAULT_WAIT}. */
  static Duration wait(Duration timeout) {
    return timeout == null || timeout.isZero() ? DEFAULT_WAIT : timeout;
  }

  /**
   * The service's status (docs/config-service.md); while it has no leader, only {@code config}
   * (leader null) and {@code error}.
   */
  JsonNode status() {
    return parse(await(client.status()));
  }

  /** The routing state, empty while the cluster has no table. */
  Optional<Routing> routing() {
    return await(client.tableSince(0));
  }

  JsonNode plan(PlanCommand plan) {
    return parse(await(client.plan(plan)));
  }

  JsonNode commit() {
    return parse(await(client.commit()));
  }

  JsonNode cancel() {
    return parse(await(client.cancel()));
  }

  /**
   * A client of the first node that accepts a connection, in {@link CoordinatorChoice}'s order: for
   * a key (null: none), the first of its preference list that does.
   */
  NodeClient connectToNode(Duration wait, byte[] key) {
    Routing routing =
        routing()
            .orElseThrow(
                () ->
                    new ConfigRefusedException(
                        "the cluster has no table yet, so no node serves: run `ringstore plan"
                            + " join` and `ringstore commit`"));
    List<String> failures = new ArrayList<>();
    for (NodeId id : CoordinatorChoice.order(routing, key)) {
      Optional<String> address = routing.address(id);
      if (address.isEmpty()) {
        continue;
      }
      InetSocketAddress parsed = new HostPort().convert(address.get());
      try {
        return NodeClient.connect(
            new InetSocketAddress(parsed.getHostString(), parsed.getPort()), wait, security);
      } catch (RingstoreException e) {
        if (e.code() != ErrorCode.UNAVAILABLE) {
          throw e;
        }
        failures.add(id + ": " + e.detail());
      }
    }
    throw new ConfigUnreachableException(
        "no node of table v"
            + routing.version()
            + " answers ("
            + String.join("; ", failures)
            + ")");
  }

  /** The replicas tried, as HOST:PORT, comma-separated. */
  String replicaList() {
    return replicas.stream().map(HostPort::format).collect(Collectors.joining(", "));
  }

  private <T> T await(CompletableFuture<T> answer) {
    try {
      return answer.join();
    } catch (CompletionException e) {
      throw failure(e.getCause() == null ? e : e.getCause());
    } catch (RingstoreException e) {
      throw failure(e);
    }
  }

  private RuntimeException failure(Throwable cause) {
    if (cause instanceof ConfigRejectedException refused) {
      return new ConfigRefusedException(refused.detail());
    }
    String detail = cause instanceof RingstoreException e ? e.detail() : ErrorText.of(cause);
    return new ConfigUnreachableException(
        "the config service at " + replicaList() + " did not answer: " + detail);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the config service answered unreadable JSON", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** The service refused the request; the message says why (exit 1). */
  static final class ConfigRefusedException extends RuntimeException {
    ConfigRefusedException(String message) {
      super(message);
    }
  }

  /** No replica answered; the message names the addresses tried (exit 1). */
  static final class ConfigUnreachableException extends RuntimeException {
    ConfigUnreachableException(String message) {
      super(message);
    }
  }
}
