package dev.ringstore.bench.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.InspectResult;
import dev.ringstore.client.ReplicaView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what {@code inspect} shows of one key (every primary replica's siblings and clock) into a
 * {@link KeyState}: the replicas agree when all answered and hold the same siblings under the same
 * context; the values are every sibling on any replica, a set key's siblings opened into their
 * elements (the last-writer-wins timestamp element left out).
 */
final class ReplicaAgreement {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Set<String>> SET = new TypeReference<>() {};

  private ReplicaAgreement() {}

  static KeyState of(String key, boolean setKey, InspectResult inspect) {
    Set<String> values = new HashSet<>();
    int siblings = 0;
    boolean agreed = !inspect.replicas().isEmpty();
    ReplicaView first = inspect.replicas().isEmpty() ? null : inspect.replicas().get(0);
    for (ReplicaView replica : inspect.replicas()) {
      if (!replica.reachable()) {
        agreed = false;
        continue;
      }
      siblings = Math.max(siblings, replica.values().size());
      for (byte[] value : replica.values()) {
        values.addAll(decode(setKey, value));
      }
      agreed &=
          first.reachable()
              && replica.found() == first.found()
              && replica.context().equals(first.context())
              && sorted(replica).equals(sorted(first));
    }
    return new KeyState(key, values, siblings, agreed);
  }

  private static List<String> sorted(ReplicaView replica) {
    List<String> values = new ArrayList<>();
    replica.values().forEach(v -> values.add(new String(v, StandardCharsets.UTF_8)));
    values.sort(null);
    return values;
  }

  private static Set<String> decode(boolean setKey, byte[] value) {
    if (!setKey) {
      return Set.of(new String(value, StandardCharsets.UTF_8));
    }
    try {
      Set<String> elements = new HashSet<>(JSON.readValue(value, SET));
      elements.removeIf(e -> e.startsWith(SetAddWorkload.STAMP));
      return elements;
    } catch (IOException e) {
      throw new UncheckedIOException("a set key holds a value that is not a JSON set", e);
    }
  }
}
