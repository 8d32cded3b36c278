package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.GossipAck2;
import dev.ringstore.protocol.v1.GossipMemberState;
import dev.ringstore.protocol.v1.GossipMemberStatus;
import dev.ringstore.protocol.v1.Request;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gossip messages survive the trip through the wire schema, and invalid ones are refused. */
@Timeout(60)
class GossipProtobufProperties {

  @Property(tries = 300)
  void everyMessageRoundTripsThroughARequest(@ForAll("messages") GossipMessage message)
      throws InvalidProtocolBufferException {
    byte[] wire =
        Request.newBuilder().setGossip(GossipProtobuf.toProto(message)).build().toByteArray();
    assertThat(GossipProtobuf.fromProto(Request.parseFrom(wire).getGossip())).isEqualTo(message);
  }

  @Test
  void aStateWithoutAStatusIsRefused() {
    var proto =
        dev.ringstore.protocol.v1.GossipMessage.newBuilder()
            .setFrom("n1")
            .setFromAddress("h:1")
            .setAck2(
                GossipAck2.newBuilder()
                    .addStates(GossipMemberState.newBuilder().setNode("n2").setAddress("h:2")))
            .build();
    assertThatThrownBy(() -> GossipProtobuf.fromProto(proto))
        .isInstanceOf(InvalidGossipMessageException.class)
        .hasMessageContaining("status");
  }

  @Test
  void aMessageOfNoKindOrWithAnInvalidIdIsRefused() {
    var noKind =
        dev.ringstore.protocol.v1.GossipMessage.newBuilder().setFrom("n1").setFromAddress("h:1");
    assertThatThrownBy(() -> GossipProtobuf.fromProto(noKind.build()))
        .isInstanceOf(InvalidGossipMessageException.class)
        .hasMessageContaining("neither SYN, ACK nor ACK2");
    var badId = noKind.setFrom("not an id!").setAck2(GossipAck2.getDefaultInstance());
    assertThatThrownBy(() -> GossipProtobuf.fromProto(badId.build()))
        .isInstanceOf(InvalidGossipMessageException.class)
        .hasMessageContaining("invalid node id");
  }

  @Test
  void aVersionBeyondLongMaxValueIsRefused() {
    var proto =
        dev.ringstore.protocol.v1.GossipMessage.newBuilder()
            .setFrom("n1")
            .setFromAddress("h:1")
            .setAck2(
                GossipAck2.newBuilder()
                    .addStates(
                        GossipMemberState.newBuilder()
                            .setNode("n2")
                            .setAddress("h:2")
                            .setStatus(GossipMemberStatus.GOSSIP_MEMBER_UP)
                            .setVersion(-1L))) // 2^64 - 1 on the wire
            .build();
    assertThatThrownBy(() -> GossipProtobuf.fromProto(proto))
        .isInstanceOf(InvalidGossipMessageException.class)
        .hasMessageContaining("not negative");
  }

  @Provide
  Arbitrary<GossipMessage> messages() {
    Arbitrary<NodeId> ids =
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).map(NodeId::of);
    Arbitrary<String> addresses =
        Arbitraries.integers().between(1, 65535).map(port -> "host-" + port + ":" + port);
    Arbitrary<Optional<NodeId>> to = ids.optional();
    Arbitrary<Long> counts = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<Digest> digests = Combinators.combine(ids, counts, counts).as(Digest::new);
    Arbitrary<MemberState> states =
        Combinators.combine(
                ids,
                addresses,
                Arbitraries.of("z1", "zone-b").injectNull(0.3),
                counts,
                counts,
                Arbitraries.of(MemberStatus.JOINING, MemberStatus.UP, MemberStatus.LEAVING),
                counts,
                Combinators.combine(counts, counts).as(LoadSummary::new))
            .as(MemberState::new);
    Arbitrary<GossipMessage> syn =
        Combinators.combine(ids, addresses, to, digests.list().ofMaxSize(5))
            .as(GossipMessage.Syn::new);
    Arbitrary<GossipMessage> ack =
        Combinators.combine(ids, addresses, to, states.list().ofMaxSize(5), ids.list().ofMaxSize(5))
            .as(GossipMessage.Ack::new);
    Arbitrary<GossipMessage> ack2 =
        Combinators.combine(ids, addresses, to, states.list().ofMaxSize(5))
            .as(GossipMessage.Ack2::new);
    return Arbitraries.oneOf(syn, ack, ack2);
  }
}
