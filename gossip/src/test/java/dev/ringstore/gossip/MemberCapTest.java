package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Forged gossip cannot grow a node's member table past its cap, nor push known members out. */
@Timeout(30)
class MemberCapTest {
  private final SimulatedClock clock = new SimulatedClock(1_000_000L);
  private final List<GossipMessage> sent = new ArrayList<>();

  private Gossiper node(int maxMembers) {
    return new Gossiper(
        MemberState.initial(NodeId.of("n1"), "n1:7000", null, 1, MemberStatus.UP),
        List.of(),
        (address, message) -> sent.add(message),
        clock,
        new SplittableRandom(1),
        GossipSettings.DEFAULTS.withMaxMembers(maxMembers));
  }

  private static MemberState state(String id, long version, MemberStatus status) {
    return new MemberState(
        NodeId.of(id), id + ":7000", null, 1, version, status, 0, LoadSummary.EMPTY);
  }

  private static GossipMessage ack2(List<MemberState> states) {
    return new GossipMessage.Ack2(NodeId.of("n9"), "n9:7000", Optional.empty(), states);
  }

  private static List<MemberState> flood(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> state("f" + i, 1, MemberStatus.UP))
        .toList();
  }

  @Test
  void aFloodOfNewMembersFillsTheTableToTheCapAndNoFurther() {
    Gossiper node = node(3);

    node.receive(ack2(flood(0, 1000)));

    assertThat(node.members()).hasSize(3);
    assertThat(node.members())
        .extracting(MemberView::id)
        .containsExactlyInAnyOrder(NodeId.of("n1"), NodeId.of("f0"), NodeId.of("f1"));
    assertThat(node.refusedMembers()).isEqualTo(998);
  }

  @Test
  void knownMembersKeepUpdatingWhenTheTableIsFull() {
    Gossiper node = node(3);
    node.receive(ack2(List.of(state("n2", 1, MemberStatus.UP), state("n3", 1, MemberStatus.UP))));
    node.receive(ack2(flood(0, 50)));

    node.receive(
        ack2(List.of(state("n2", 2, MemberStatus.LEAVING), state("n3", 7, MemberStatus.UP))));

    assertThat(node.member(NodeId.of("n2")).orElseThrow().state().status())
        .isEqualTo(MemberStatus.LEAVING);
    assertThat(node.member(NodeId.of("n3")).orElseThrow().state().version()).isEqualTo(7);
    assertThat(node.members()).hasSize(3);
  }

  @Test
  void aFullTableDoesNotAskForMembersItWouldRefuse() {
    Gossiper node = node(2);
    node.receive(ack2(List.of(state("n2", 1, MemberStatus.UP))));
    List<Digest> digests =
        List.of(new Digest(NodeId.of("n2"), 1, 5), new Digest(NodeId.of("x"), 1, 1));

    node.receive(new GossipMessage.Syn(NodeId.of("n2"), "n2:7000", Optional.empty(), digests));

    GossipMessage.Ack ack = (GossipMessage.Ack) sent.get(sent.size() - 1);
    assertThat(ack.requests()).containsExactly(NodeId.of("n2"));
  }

  @Property(tries = 100)
  void theMemberCountNeverExceedsTheCap(
      @ForAll @IntRange(min = 1, max = 20) int cap,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 60) Integer> batches) {
    Gossiper node = node(cap);
    int next = 0;
    for (int size : batches) {
      node.receive(ack2(flood(next, size)));
      next += size / 2; // half of each batch is members already offered
      assertThat(node.members().size()).isLessThanOrEqualTo(cap);
    }
  }
}
