package dev.ringstore.config;

import static dev.ringstore.config.client.ConfigRejectedException.badRequest;

import com.google.common.net.HostAndPort;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;

/**
 * Join requests. A new node becomes {@code joining} (in no table until a plan takes it in); a known
 * node that asks again, as every node does when it starts, only updates where it listens; a node
 * that left or was removed may ask to join again.
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
        || known.getStatus() == NodeRole.NODE_LEFT
        || known.getStatus() == NodeRole.NODE_REMOVED
        || known.getStatus() == NodeRole.NODE_JOINING) {
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
