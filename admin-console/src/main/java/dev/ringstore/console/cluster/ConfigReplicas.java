package dev.ringstore.console.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.RemoteConfigChannel;
import dev.ringstore.console.cluster.ClusterSnapshot.ReplicaState;
import dev.ringstore.protocol.ProtocolClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The config service as a whole (a client that tries every replica, for status and actions) and
 * each replica on its own: asked one by one, each says whom it follows and in which term, which is
 * how the console tells a leader from a follower from a replica that is gone.
 */
public final class ConfigReplicas implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final List<InetSocketAddress> addresses;
  private final ConfigClient service;
  private final List<ConfigClient> each = new ArrayList<>();
  private final Duration timeout;

  public ConfigReplicas(
      ProtocolClient protocol,
      List<InetSocketAddress> addresses,
      InstantSource clock,
      Duration timeout) {
    this.addresses = List.copyOf(addresses);
    this.timeout = timeout;
    this.service =
        new ConfigClient(new RemoteConfigChannel(protocol, false, addresses, timeout), clock);
    for (InetSocketAddress address : addresses) {
      each.add(
          new ConfigClient(
              new RemoteConfigChannel(protocol, false, List.of(address), timeout), clock));
    }
  }

  /** The client for the whole service: status, table, plan, commit, cancel. */
  public ConfigClient service() {
    return service;
  }

  /** Each replica's own answer, asked all at once. */
  public List<ReplicaState> states() {
    List<CompletableFuture<String>> asked = each.stream().map(ConfigClient::status).toList();
    List<ReplicaState> states = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i).getHostString() + ":" + addresses.get(i).getPort();
      try {
        JsonNode config =
            json.readTree(asked.get(i).get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS))
                .path("config");
        String id = config.path("answeredBy").asText(null);
        String leader = config.path("leader").asText(null);
        String state = leader == null ? "candidate" : leader.equals(id) ? "leader" : "follower";
        states.add(new ReplicaState(address, id, state, config.path("term").asLong(), null));
      } catch (Exception e) {
        states.add(new ReplicaState(address, null, "unreachable", 0, Problems.describe(e)));
      }
    }
    return states;
  }

  @Override
  public void close() {
    service.close();
    each.forEach(ConfigClient::close);
  }
}
