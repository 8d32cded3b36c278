package dev.ringstore.console.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringstore.client.InspectResult;
import dev.ringstore.client.KeyHead;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.PutResult;
import dev.ringstore.client.ReadOptions;
import dev.ringstore.client.ReplicaView;
import dev.ringstore.client.WriteOptions;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.console.http.ApiException;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.RingstoreException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The key inspector's reads and writes, through the key's own preference list as a client would go:
 * every replica's view (siblings, their dots, the replica's clock), the context that covers them
 * all (a head read of every primary, or of a quorum when one is down), and a write or a delete with
 * that context, which supersedes every sibling shown.
 */
public final class KeyActions {
  private final ProtocolClient protocol;
  private final Duration timeout;

  public KeyActions(ProtocolClient protocol, Duration timeout) {
    this.protocol = protocol;
    this.timeout = timeout;
  }

  public ObjectNode inspect(Routing routing, Predicate<String> down, byte[] key) {
    return through(
        routing,
        down,
        key,
        node -> {
          InspectResult result = node.inspect(key, timeout);
          return KeyJson.of(key, result, context(node, key, result.preference().size()));
        });
  }

  public ObjectNode resolve(
      Routing routing, Predicate<String> down, byte[] key, byte[] value, String context) {
    PutResult<byte[]> put =
        through(routing, down, key, node -> node.put(key, value, context, WriteOptions.defaults()));
    return JsonNodeFactory.instance.objectNode().put("context", put.context());
  }

  public ObjectNode delete(Routing routing, Predicate<String> down, byte[] key, String context) {
    PutResult<byte[]> deleted =
        through(routing, down, key, node -> node.delete(key, context, WriteOptions.defaults()));
    return JsonNodeFactory.instance.objectNode().put("context", deleted.context());
  }

  private String context(NodeClient node, byte[] key, int replicas) {
    try {
      return node.head(key, ReadOptions.defaults().withR(Math.max(1, replicas))).context();
    } catch (RingstoreException e) {
      KeyHead quorum = node.head(key, ReadOptions.defaults());
      return quorum.context();
    }
  }

  /** Runs {@code call} on the first node of the key's preference list that is up and answers. */
  private <T> T through(
      Routing routing, Predicate<String> down, byte[] key, Function<NodeClient, T> call) {
    if (routing == null) {
      throw new ApiException(503, "UNAVAILABLE", "the cluster has no table yet");
    }
    List<NodeId> order = new ArrayList<>(routing.current().preferenceListForKey(key).nodes());
    routing
        .current()
        .members()
        .forEach(
            m -> {
              if (!order.contains(m.id())) {
                order.add(m.id());
              }
            });
    order.sort((a, b) -> Boolean.compare(down.test(a.value()), down.test(b.value())));
    List<String> failures = new ArrayList<>();
    for (NodeId id : order) {
      String address = routing.address(id).orElse(null);
      if (address == null) {
        continue;
      }
      int colon = address.lastIndexOf(':');
      InetSocketAddress socket =
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
      NodeClient node;
      try {
        node = NodeClient.connect(protocol, socket, timeout);
      } catch (RingstoreException e) {
        failures.add(id + ": " + e.detail());
        continue;
      }
      try (node) {
        return call.apply(node);
      } catch (RingstoreException e) {
        throw Failures.api(e);
      }
    }
    throw new ApiException(503, "UNAVAILABLE", "no node answered: " + String.join("; ", failures));
  }

  static String text(byte[] value) {
    var decoder = StandardCharsets.UTF_8.newDecoder();
    try {
      return decoder.decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String base64(byte[] value) {
    return Base64.getEncoder().encodeToString(value);
  }

  static ArrayNode dots(ReplicaView replica) {
    ArrayNode dots = JsonNodeFactory.instance.arrayNode();
    String clock = replica.clock();
    int at = clock.indexOf("dots [");
    if (at >= 0 && clock.endsWith("]")) {
      for (String dot : clock.substring(at + "dots [".length(), clock.length() - 1).split(", ")) {
        if (!dot.isBlank()) {
          dots.add(dot);
        }
      }
    }
    return dots;
  }
}
