package dev.ringstore.config;

import static dev.ringstore.config.client.ConfigRejectedException.badRequest;

import com.google.common.net.HostAndPort;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;

/**
 * Join requests. A new node becomes {@code joining} (in no table until a plan takes it in); a known
 * node that asks again, as every node does when it starts, only updates where it listens; a node
 * that left or was removed may ask to join again once it is in no table.
 */
final class Membership {
  private Membership() {}

  static NodeRecord join(ConfigModel model, NodeRecord request) {
    NodeId id = NodeId.of(request.getId());
    checkAddress("address", request.getAddress(), true);
    checkAddress("http", request.getHttp(), false);
    NodeRecord known = model.nodes.get(id);
    NodeRecord.Builder record = request.toBuilder().setId(id.value());
    if (known == null
        || known.getStatus() == NodeRole.NODE_JOINING
        || (isGone(known) && !inATable(model, id))) {
      record.setStatus(NodeRole.NODE_JOINING);
    } else {
      if (!known.getZone().equals(request.getZone())) {
        throw badRequest(
            "node "
                + id
                + " is a member in zone '"
                + known.getZone()
                + "'; a member cannot change zone (replace it instead)");
      }
      record.setStatus(known.getStatus());
    }
    NodeRecord joined = record.build();
    model.nodes.put(id, joined);
    return joined;
  }

  private static boolean isGone(NodeRecord node) {
    return node.getStatus() == NodeRole.NODE_LEFT || node.getStatus() == NodeRole.NODE_REMOVED;
  }

  /**
   * A removed node stays in the current table until its buckets are copied elsewhere; asking to
   * join then only updates where it listens, and it may join again once the transfer is done.
   */
  private static boolean inATable(ConfigModel model, NodeId id) {
    return (model.current != null && model.current.member(id).isPresent())
        || (model.target != null && model.target.member(id).isPresent());
  }

  private static void checkAddress(String what, String address, boolean required) {
    if (address.isEmpty() && !required) {
      return;
    }
    try {
      HostAndPort parsed = HostAndPort.fromString(address);
      if (!parsed.hasPort() || parsed.getHost().isEmpty()) {
        throw badRequest(what + " must be host:port, not '" + address + "'");
      }
    } catch (IllegalArgumentException e) {
      throw badRequest(what + " must be host:port, not '" + address + "'");
    }
  }
}
