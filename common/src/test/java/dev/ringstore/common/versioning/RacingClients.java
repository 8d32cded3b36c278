package dev.ringstore.common.versioning;

import dev.ringstore.common.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Riak's sibling-explosion scenario (riak_test {@code sibling_explosion}): clients on one replica
 * each keep a set of numbers in one key. A client's write is the union of every sibling it last saw
 * plus one new number, sent with the context it last got back, from its latest read or from its
 * latest write's response (return-body).
 */
final class RacingClients {
  private static final ActorId REPLICA = new ActorId(NodeId.of("n1"), 0x5f3a_0000_0000_0001L);

  private final CausalContext[] contexts;
  private final List<Set<Integer>> seen = new ArrayList<>();
  private final Set<Integer> written = new TreeSet<>();
  private DottedVersionVectorSet state = DottedVersionVectorSet.empty();
  private int maxSiblings;

  RacingClients(int clients) {
    contexts = new CausalContext[clients];
    Arrays.fill(contexts, CausalContext.EMPTY);
    for (int i = 0; i < clients; i++) {
      seen.add(new TreeSet<>());
    }
  }

  /** The client reads the key: it remembers the union of the siblings and the context. */
  void read(int client) {
    observe(client);
  }

  /** The client writes what it last saw plus one new number, with the context it last got. */
  void write(int client) {
    int number = written.size() + 1;
    written.add(number);
    Set<Integer> value = new TreeSet<>(seen.get(client));
    value.add(number);
    String text = value.stream().map(String::valueOf).collect(Collectors.joining(","));
    state =
        state.update(
            contexts[client], text.getBytes(StandardCharsets.UTF_8), written.size(), REPLICA);
    maxSiblings = Math.max(maxSiblings, state.size());
    observe(client); // return-body: the response carries the new state and its context
  }

  private void observe(int client) {
    contexts[client] = state.context();
    seen.set(client, union(state));
  }

  static Set<Integer> union(DottedVersionVectorSet set) {
    Set<Integer> union = new TreeSet<>();
    for (byte[] value : set.values()) {
      for (String number : new String(value, StandardCharsets.UTF_8).split(",")) {
        union.add(Integer.parseInt(number));
      }
    }
    return union;
  }

  DottedVersionVectorSet state() {
    return state;
  }

  Set<Integer> written() {
    return written;
  }

  int maxSiblings() {
    return maxSiblings;
  }
}
