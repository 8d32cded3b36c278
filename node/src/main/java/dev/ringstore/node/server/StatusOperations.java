package dev.ringstore.node.server;

import dev.ringstore.gossip.GossipProtobuf;
import dev.ringstore.gossip.Gossiper;
import dev.ringstore.gossip.InvalidGossipMessageException;
import dev.ringstore.gossip.MemberView;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GossipAccepted;
import dev.ringstore.protocol.v1.GossipMessage;
import dev.ringstore.protocol.v1.MemberStatusView;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.protocol.v1.StatusResponse;
import java.util.Locale;

/**
 * The node's side of gossip: incoming gossip messages go to the {@link Gossiper}, and {@code
 * ringstore status} reads the membership as this node sees it.
 */
final class StatusOperations {
  private final Gossiper gossiper;
  private final NodeServices services;

  StatusOperations(Gossiper gossiper, NodeServices services) {
    this.gossiper = gossiper;
    this.services = services;
  }

  Response gossip(GossipMessage message) {
    try {
      gossiper.receive(GossipProtobuf.fromProto(message));
    } catch (InvalidGossipMessageException | IllegalArgumentException e) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "bad gossip: " + e.getMessage());
    }
    return Response.newBuilder().setGossip(GossipAccepted.getDefaultInstance()).build();
  }

  Response status() {
    StatusResponse.Builder status =
        StatusResponse.newBuilder()
            .setNode(services.self().value())
            .setTableVersion(services.tableVersion());
    for (MemberView member : gossiper.members()) {
      status.addMembers(view(member));
    }
    return Response.newBuilder().setStatus(status).build();
  }

  private static MemberStatusView view(MemberView member) {
    return MemberStatusView.newBuilder()
        .setNode(member.id().value())
        .setStatus(member.status().name().toLowerCase(Locale.ROOT))
        .setAddress(member.address())
        .setPhi(Double.isFinite(member.phi()) ? member.phi() : Double.MAX_VALUE)
        .setGeneration(member.generation())
        .setHeartbeat(member.state().version())
        .setTableVersion(member.state().tableVersion())
        .setKeys(member.state().load().keys())
        .setBytes(member.state().load().bytes())
        .build();
  }
}
