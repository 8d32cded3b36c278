package dev.ringstore.config;

import static dev.ringstore.config.client.ConfigRejectedException.badRequest;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.NodeRole;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.RingShape;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.InvalidRingException;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.MembershipChange;
import dev.ringstore.ring.RingSettings;
import dev.ringstore.ring.TablePlan;
import dev.ringstore.ring.TablePlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PlanCommand} into the table change it asks for, against the model's current table.
 * Deterministic (the planner is), so planning again at commit gives the plan that was shown.
 */
final class ChangePlans {
  private ChangePlans() {}

  /** A planned change; {@code plan.before()} is null for a cluster's first table. */
  record Planned(String description, TablePlan plan, NodeId leaving, NodeRole leaverEnd) {
    List<NodeId> joining() {
      List<NodeId> joining = new ArrayList<>();
      for (Member m : plan.after().members()) {
        if (plan.before() == null || plan.before().member(m.id()).isEmpty()) {
          joining.add(m.id());
        }
      }
      return joining;
    }
  }

  static Planned plan(ConfigModel model, PlanCommand command) {
    if (model.target != null) {
      throw badRequest(
          "a transfer to table v" + model.version + " is still running; plan when it is done");
    }
    try {
      return switch (command.getChangeCase()) {
        case JOIN -> join(model, command);
        case LEAVE ->
            leave(
                model,
                node(model, command.getLeave(), NodeRole.NODE_MEMBER),
                NodeRole.NODE_LEFT,
                "leave ");
        case REMOVE_DEAD ->
            leave(
                model,
                node(model, command.getRemoveDead(), NodeRole.NODE_MEMBER),
                NodeRole.NODE_REMOVED,
                "remove-dead ");
        case REPLACE -> replace(model, command);
        case CHANGE_NOT_SET ->
            throw badRequest("a plan needs a change: join, leave, replace or remove-dead");
      };
    } catch (InvalidRingException e) {
      throw badRequest(e.getMessage());
    }
  }

  private static Planned join(ConfigModel model, PlanCommand command) {
    List<Member> joining = new ArrayList<>();
    if (command.getJoin().getNodesCount() == 0) {
      model.nodes.values().stream()
          .filter(n -> n.getStatus() == NodeRole.NODE_JOINING)
          .forEach(n -> joining.add(member(n)));
    } else {
      for (String id : command.getJoin().getNodesList()) {
        joining.add(member(node(model, id, NodeRole.NODE_JOINING)));
      }
    }
    if (joining.isEmpty()) {
      throw badRequest("no node has asked to join; start one with ringstore node --config ...");
    }
    String description =
        "join " + String.join(",", joining.stream().map(m -> m.id().value()).toList());
    if (model.current == null) {
      BucketTable first = BucketTable.initial(joining, settings(command.getShape()));
      return new Planned(description, new TablePlan(null, first, List.of()), null, null);
    }
    return new Planned(
        description,
        TablePlanner.plan(model.current, new MembershipChange.Add(joining)),
        null,
        null);
  }

  private static Planned leave(ConfigModel model, NodeRecord node, NodeRole end, String verb) {
    NodeId id = NodeId.of(node.getId());
    requireTable(model);
    return new Planned(
        verb + id, TablePlanner.plan(model.current, new MembershipChange.Remove(id)), id, end);
  }

  private static Planned replace(ConfigModel model, PlanCommand command) {
    requireTable(model);
    NodeRecord old = node(model, command.getReplace().getOld(), NodeRole.NODE_MEMBER);
    NodeRecord replacement =
        node(model, command.getReplace().getReplacement(), NodeRole.NODE_JOINING);
    NodeId oldId = NodeId.of(old.getId());
    TablePlan plan =
        TablePlanner.plan(model.current, new MembershipChange.Replace(oldId, member(replacement)));
    return new Planned(
        "replace " + old.getId() + " by " + replacement.getId(), plan, oldId, NodeRole.NODE_LEFT);
  }

  private static void requireTable(ConfigModel model) {
    if (model.current == null) {
      throw badRequest("the cluster has no table yet; plan a join first");
    }
  }

  private static NodeRecord node(ConfigModel model, String id, NodeRole expected) {
    NodeRecord node = model.nodes.get(NodeId.of(id));
    if (node == null) {
      throw badRequest("unknown node " + id + "; a node joins by starting with --config");
    }
    if (node.getStatus() != expected) {
      throw badRequest(
          "node "
              + id
              + " is "
              + ConfigJson.role(node.getStatus())
              + ", not "
              + ConfigJson.role(expected));
    }
    return node;
  }

  static Member member(NodeRecord node) {
    return new Member(NodeId.of(node.getId()), node.getZone().isEmpty() ? null : node.getZone());
  }

  static RingSettings settings(RingShape shape) {
    return new RingSettings(
        shape.getBuckets() == 0 ? RingSettings.DEFAULT_BUCKETS : shape.getBuckets(),
        shape.getReplicas() == 0 ? RingSettings.DEFAULT_REPLICAS : shape.getReplicas(),
        shape.getTokens() == 0 ? RingSettings.DEFAULT_TOKENS : shape.getTokens());
  }
}
