package dev.ringstore.config;

import static dev.ringstore.config.client.ConfigRejectedException.badRequest;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;
import dev.ringstore.ring.BucketTable;
import java.util.List;
import java.util.Map;

/**
 * Table changes and the bucket transfers between them. A commit of a plan with moves makes version
 * v+1 = (current: the old table, target: the planned one): writes go to both owners, reads to the
 * old ones. Each receiving node reports the buckets it has finished copying; when every incoming
 * bucket-replica is done, version v+2 makes the target current and the old owners drop their
 * copies. A first table, or a change that moves nothing, becomes current at once.
 */
final class Transfers {
  private Transfers() {}

  /** What a commit did: the new version and how many bucket-replicas move. */
  record Committed(long version, String change, int moves) {}

  static Committed commit(ConfigModel model, long at) {
    if (model.staged == null) {
      throw badRequest("nothing is planned; run ringstore plan first");
    }
    if (model.stagedAgainst != model.version) {
      throw badRequest(
          "the table changed since the plan (v"
              + model.stagedAgainst
              + " -> v"
              + model.version
              + "); plan again");
    }
    ChangePlans.Planned planned = ChangePlans.plan(model, model.staged);
    long next = model.version + 1;
    if (planned.plan().before() == null) {
      model.shape = model.staged.getShape();
      model.current = planned.plan().after().withVersion(next);
    } else {
      model.current = planned.plan().before().withVersion(next);
      model.target = planned.plan().after().withVersion(next);
    }
    model.version = next;
    model.staged = null;
    model.doneMoves.clear();
    planned.joining().forEach(id -> setRole(model, id, NodeRole.NODE_MEMBER));
    if (planned.leaving() != null) {
      setRole(
          model,
          planned.leaving(),
          planned.leaverEnd() == NodeRole.NODE_REMOVED
              ? NodeRole.NODE_REMOVED
              : NodeRole.NODE_LEAVING);
    }
    int moves = planned.plan().moves().size();
    model.record(next, at, planned.description(), moves);
    if (model.target != null && incomingTotal(model) == 0) {
      finish(model, at);
    }
    return new Committed(next, planned.description(), moves);
  }

  /** Records the buckets {@code node} finished receiving; ends the transfer when none is left. */
  static void markDone(ConfigModel model, NodeId node, List<Integer> buckets, long at) {
    Routing routing = new Routing(model.version, model.current, model.target, Map.of());
    for (int bucket : buckets) {
      if (bucket >= 0
          && bucket < model.current.bucketCount()
          && routing.incoming(bucket).contains(node)) {
        model.doneMoves.add(bucket + "/" + node.value());
      }
    }
    if (model.doneMoves.size() >= incomingTotal(model)) {
      finish(model, at);
    }
  }

  /** Bucket-replicas the running transfer must copy, in all. */
  static int incomingTotal(ConfigModel model) {
    if (model.target == null) {
      return 0;
    }
    Routing routing = new Routing(model.version, model.current, model.target, Map.of());
    int total = 0;
    for (int b = 0; b < model.current.bucketCount(); b++) {
      total += routing.incoming(b).size();
    }
    return total;
  }

  private static void finish(ConfigModel model, long at) {
    long next = model.version + 1;
    BucketTable done = model.target.withVersion(next);
    model.current = done;
    model.target = null;
    model.version = next;
    model.doneMoves.clear();
    for (NodeRecord node : List.copyOf(model.nodes.values())) {
      NodeId id = NodeId.of(node.getId());
      if (node.getStatus() == NodeRole.NODE_LEAVING && done.member(id).isEmpty()) {
        setRole(model, id, NodeRole.NODE_LEFT);
      }
    }
    model.record(next, at, "transfer done", 0);
  }

  private static void setRole(ConfigModel model, NodeId id, NodeRole role) {
    NodeRecord node = model.nodes.get(id);
    if (node != null) {
      model.nodes.put(id, node.toBuilder().setStatus(role).build());
    }
  }
}
