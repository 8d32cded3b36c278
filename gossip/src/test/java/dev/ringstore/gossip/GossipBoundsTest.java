package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A forged state with a runaway counter is refused whole and changes nothing. */
@Timeout(30)
class GossipBoundsTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final long YEAR = Duration.ofDays(365).toMillis();
  private static final NodeId SENDER = NodeId.of("n9");

  private final SimulatedClock clock = new SimulatedClock(NOW);
  private final List<GossipMessage> sent = new ArrayList<>();
  private final Gossiper node =
      new Gossiper(
          MemberState.initial(NodeId.of("n1"), "n1:7000", null, NOW, MemberStatus.UP),
          List.of(),
          (address, message) -> sent.add(message),
          clock,
          new SplittableRandom(1),
          GossipSettings.DEFAULTS);

  private static MemberState state(String id, long generation, long version, long table) {
    return new MemberState(
        NodeId.of(id),
        id + ":7000",
        null,
        generation,
        version,
        MemberStatus.UP,
        table,
        LoadSummary.EMPTY);
  }

  private static GossipMessage ack2(MemberState... states) {
    return new GossipMessage.Ack2(SENDER, "n9:7000", Optional.empty(), List.of(states));
  }

  private List<NodeId> known() {
    return node.members().stream().map(MemberView::id).toList();
  }

  @Test
  void aVersionNearLongMaxIsRefusedAndNothingElseInTheMessageIsApplied() {
    MemberState honest = state("n2", 5, 10, 0);
    MemberState forged = state("n3", 5, Long.MAX_VALUE - 1, 0);

    assertThatThrownBy(() -> node.receive(ack2(honest, forged)))
        .isInstanceOf(InvalidGossipMessageException.class)
        .hasMessageContaining("n3");
    assertThat(known()).containsExactly(NodeId.of("n1"));
  }

  @Test
  void aForgedVersionOfThisNodeDoesNotMakeItJumpToTheEndOfLong() {
    long before = node.localState().version();
    MemberState self = state("n1", NOW, Long.MAX_VALUE, 0);

    assertThatThrownBy(() -> node.receive(ack2(self)))
        .isInstanceOf(InvalidGossipMessageException.class);
    assertThat(node.localState().version()).isEqualTo(before);
  }

  @Test
  void aTableVersionNearLongMaxIsRefused() {
    assertThatThrownBy(() -> node.receive(ack2(state("n2", 5, 1, Long.MAX_VALUE / 2 + 1))))
        .isInstanceOf(InvalidGossipMessageException.class);
    assertThat(node.newestTableVersion()).isZero();
  }

  @Test
  void aGenerationMoreThanAYearAheadOfTheClockIsRefusedAndOneWithinIsKept() {
    assertThatThrownBy(() -> node.receive(ack2(state("n2", NOW + YEAR + 1, 1, 0))))
        .isInstanceOf(InvalidGossipMessageException.class)
        .hasMessageContaining("generation");

    node.receive(ack2(state("n2", NOW + YEAR, 1, 0)));
    assertThat(known()).contains(NodeId.of("n2"));
  }

  @Test
  void aSynWithARunawayDigestIsRefusedAndNotAnswered() {
    GossipMessage syn =
        new GossipMessage.Syn(
            SENDER, "n9:7000", Optional.empty(), List.of(new Digest(SENDER, 1, Long.MAX_VALUE)));

    assertThatThrownBy(() -> node.receive(syn)).isInstanceOf(InvalidGossipMessageException.class);
    assertThat(sent).isEmpty();
  }

  @Property(tries = 200)
  void aVersionIsAcceptedExactlyUpToTheCeiling(
      @ForAll @LongRange(min = Long.MAX_VALUE / 2 - 1000, max = Long.MAX_VALUE) long version) {
    boolean accepted;
    try {
      node.receive(ack2(state("n2", 1, version, 0)));
      accepted = true;
    } catch (InvalidGossipMessageException e) {
      accepted = false;
    }
    assertThat(accepted).isEqualTo(version <= GossipBounds.MAX_COUNTER);
  }
}
