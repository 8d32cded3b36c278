package dev.ringstore.cli;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.ring.Member;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which node a client command given {@code --config} asks to coordinate its request, in the order
 * to try them: for a key, its preference list in the current table (its primary first, so the
 * request is not forwarded), then the table's other members; without a key ({@code status}), the
 * members in table order. Any member can coordinate any key, so the later ones are fallbacks for
 * nodes that do not accept a connection.
 */
final class CoordinatorChoice {
  private CoordinatorChoice() {}

  /** The nodes to try, in order; {@code key} null when the request has none. */
  static List<NodeId> order(Routing routing, byte[] key) {
    Set<NodeId> order = new LinkedHashSet<>();
    if (key != null) {
      order.addAll(routing.current().preferenceListForKey(key).nodes());
    }
    routing.current().members().stream().map(Member::id).forEach(order::add);
    return List.copyOf(order);
  }
}
