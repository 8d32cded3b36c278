package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.GossipAck;
import dev.ringstore.protocol.v1.GossipAck2;
import dev.ringstore.protocol.v1.GossipDigest;
import dev.ringstore.protocol.v1.GossipLoad;
import dev.ringstore.protocol.v1.GossipMemberState;
import dev.ringstore.protocol.v1.GossipMemberStatus;
import dev.ringstore.protocol.v1.GossipSyn;
import java.util.List;
import java.util.Optional;

/**
 * Converts gossip messages between their in-memory form and the wire schema's ({@code
 * GossipMessage} in ringstore.proto, carried as {@code Request.gossip}, field 40). Decoding checks
 * everything the in-memory types check and reports it as {@link InvalidGossipMessageException}.
 */
public final class GossipProtobuf {
  private GossipProtobuf() {}

  public static dev.ringstore.protocol.v1.GossipMessage toProto(GossipMessage message) {
    var proto =
        dev.ringstore.protocol.v1.GossipMessage.newBuilder()
            .setFrom(message.from().value())
            .setFromAddress(message.fromAddress())
            .setTo(message.to().map(NodeId::value).orElse(""));
    if (message instanceof GossipMessage.Syn syn) {
      var body = GossipSyn.newBuilder();
      syn.digests().forEach(digest -> body.addDigests(toProto(digest)));
      proto.setSyn(body);
    } else if (message instanceof GossipMessage.Ack ack) {
      var body = GossipAck.newBuilder();
      ack.states().forEach(state -> body.addStates(toProto(state)));
      ack.requests().forEach(id -> body.addRequests(id.value()));
      proto.setAck(body);
    } else if (message instanceof GossipMessage.Ack2 ack2) {
      var body = GossipAck2.newBuilder();
      ack2.states().forEach(state -> body.addStates(toProto(state)));
      proto.setAck2(body);
    }
    return proto.build();
  }

  /**
   * @throws InvalidGossipMessageException when the message is not a valid SYN, ACK or ACK2
   */
  public static GossipMessage fromProto(dev.ringstore.protocol.v1.GossipMessage proto) {
    try {
      NodeId from = NodeId.of(proto.getFrom());
      String address = proto.getFromAddress();
      Optional<NodeId> to =
          proto.getTo().isEmpty() ? Optional.empty() : Optional.of(NodeId.of(proto.getTo()));
      return switch (proto.getKindCase()) {
        case SYN ->
            new GossipMessage.Syn(
                from,
                address,
                to,
                proto.getSyn().getDigestsList().stream().map(GossipProtobuf::fromProto).toList());
        case ACK ->
            new GossipMessage.Ack(
                from,
                address,
                to,
                states(proto.getAck().getStatesList()),
                proto.getAck().getRequestsList().stream().map(NodeId::of).toList());
        case ACK2 ->
            new GossipMessage.Ack2(from, address, to, states(proto.getAck2().getStatesList()));
        case KIND_NOT_SET ->
            throw new InvalidGossipMessageException(
                "a gossip message from " + from + " is neither SYN, ACK nor ACK2");
      };
    } catch (IllegalArgumentException e) {
      throw new InvalidGossipMessageException("invalid gossip message: " + e.getMessage(), e);
    }
  }

  private static GossipDigest toProto(Digest digest) {
    return GossipDigest.newBuilder()
        .setNode(digest.id().value())
        .setGeneration(digest.generation())
        .setVersion(digest.version())
        .build();
  }

  private static Digest fromProto(GossipDigest proto) {
    return new Digest(NodeId.of(proto.getNode()), proto.getGeneration(), proto.getVersion());
  }

  private static GossipMemberState toProto(MemberState state) {
    return GossipMemberState.newBuilder()
        .setNode(state.id().value())
        .setAddress(state.address())
        .setZone(state.zoneName().orElse(""))
        .setGeneration(state.generation())
        .setVersion(state.version())
        .setStatus(toProto(state.status()))
        .setTableVersion(state.tableVersion())
        .setLoad(
            GossipLoad.newBuilder().setKeys(state.load().keys()).setBytes(state.load().bytes()))
        .build();
  }

  private static MemberState fromProto(GossipMemberState proto) {
    return new MemberState(
        NodeId.of(proto.getNode()),
        proto.getAddress(),
        proto.getZone().isEmpty() ? null : proto.getZone(),
        proto.getGeneration(),
        proto.getVersion(),
        fromProto(proto.getStatus()),
        proto.getTableVersion(),
        new LoadSummary(proto.getLoad().getKeys(), proto.getLoad().getBytes()));
  }

  private static List<MemberState> states(List<GossipMemberState> protos) {
    return protos.stream().map(GossipProtobuf::fromProto).toList();
  }

  private static GossipMemberStatus toProto(MemberStatus status) {
    return switch (status) {
      case JOINING -> GossipMemberStatus.GOSSIP_MEMBER_JOINING;
      case UP -> GossipMemberStatus.GOSSIP_MEMBER_UP;
      case LEAVING -> GossipMemberStatus.GOSSIP_MEMBER_LEAVING;
      case DOWN -> throw new IllegalArgumentException("DOWN is never gossiped");
    };
  }

  private static MemberStatus fromProto(GossipMemberStatus status) {
    return switch (status) {
      case GOSSIP_MEMBER_JOINING -> MemberStatus.JOINING;
      case GOSSIP_MEMBER_UP -> MemberStatus.UP;
      case GOSSIP_MEMBER_LEAVING -> MemberStatus.LEAVING;
      case GOSSIP_MEMBER_STATUS_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("a member state without a known status");
    };
  }
}
