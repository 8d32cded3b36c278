package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A member that left is forgotten after the grace, and a slow peer does not bring it back. */
@Timeout(30)
class ForgettingTest {
  private static final long GRACE = Duration.ofHours(1).toMillis();
  private static final NodeId N2 = NodeId.of("n2");

  private final SimulatedClock clock = new SimulatedClock(1_000_000L);
  private final List<GossipMessage> sent = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final Gossiper node =
      new Gossiper(
          MemberState.initial(NodeId.of("n1"), "n1:7000", null, 1, MemberStatus.UP),
          List.of(),
          (address, message) -> sent.add(message),
          clock,
          new SplittableRandom(1),
          GossipSettings.DEFAULTS.withRemovedGrace(Duration.ofMillis(GRACE)));

  ForgettingTest() {
    node.addListener(
        new MembershipListener() {
          @Override
          public void onJoined(MemberView m) {
            events.add("joined " + m.id() + " gen " + m.generation());
          }

          @Override
          public void onForgotten(MemberView m) {
            events.add("forgot " + m.id());
          }
        });
  }

  private static MemberState n2(long generation, long version, MemberStatus status) {
    return new MemberState(N2, "n2:7000", null, generation, version, status, 0, LoadSummary.EMPTY);
  }

  private void hear(MemberState state) {
    node.receive(
        new GossipMessage.Ack2(NodeId.of("n9"), "n9:7000", Optional.empty(), List.of(state)));
  }

  /** n2 says it is leaving, goes silent, and is judged down; returns when. */
  private void leaveAndGoDown(MemberStatus status) {
    hear(n2(3, 5, status));
    clock.advance(10_000);
    node.runRound();
    assertThat(node.isAlive(N2)).isFalse();
  }

  private boolean knows(NodeId id) {
    return node.member(id).isPresent();
  }

  @Test
  void aLeavingMemberDownForTheGraceIsForgotten() {
    leaveAndGoDown(MemberStatus.LEAVING);

    clock.advance(GRACE - 1);
    node.runRound();
    assertThat(knows(N2)).as("down, but within the grace").isTrue();

    clock.advance(1);
    node.runRound();
    assertThat(knows(N2)).isFalse();
    assertThat(node.members()).hasSize(1);
    assertThat(events).containsExactly("joined n2 gen 3", "forgot n2");
  }

  @Test
  void aSlowPeerStillGossipingTheSameOrAnOlderGenerationDoesNotBringItBack() {
    leaveAndGoDown(MemberStatus.LEAVING);
    clock.advance(GRACE);
    node.runRound();

    hear(n2(3, 5, MemberStatus.LEAVING));
    hear(n2(3, 900, MemberStatus.UP));
    hear(n2(2, 7, MemberStatus.UP));
    sent.clear();
    node.receive(
        new GossipMessage.Syn(
            NodeId.of("n9"), "n9:7000", Optional.empty(), List.of(new Digest(N2, 3, 900))));

    assertThat(knows(N2)).isFalse();
    assertThat(sent)
        .singleElement()
        .satisfies(ack -> assertThat(((GossipMessage.Ack) ack).requests()).isEmpty());
  }

  @Test
  void aForgottenMemberRestartedWithAHigherGenerationJoinsAgain() {
    leaveAndGoDown(MemberStatus.LEAVING);
    clock.advance(GRACE);
    node.runRound();

    hear(n2(4, 0, MemberStatus.JOINING));

    assertThat(node.isAlive(N2)).isTrue();
    assertThat(events).containsExactly("joined n2 gen 3", "forgot n2", "joined n2 gen 4");
  }

  @Test
  void theTombstoneExpiresAfterAnotherGrace() {
    leaveAndGoDown(MemberStatus.LEAVING);
    clock.advance(GRACE);
    node.runRound();

    clock.advance(GRACE);
    node.runRound();
    hear(n2(3, 5, MemberStatus.LEAVING));

    assertThat(knows(N2))
        .as("a day later nobody should still hold it; if one does, it returns")
        .isTrue();
  }

  @Test
  void aMemberDownButNotLeavingIsKept() {
    leaveAndGoDown(MemberStatus.UP);
    clock.advance(10 * GRACE);
    node.runRound();

    assertThat(node.member(N2).map(MemberView::status)).contains(MemberStatus.DOWN);
  }

  @Test
  void aMemberTheConfigurationRemovedIsForgottenThoughItNeverSaidItWasLeaving() {
    leaveAndGoDown(MemberStatus.UP);
    node.markRemoved(N2);

    clock.advance(GRACE);
    node.runRound();
    assertThat(knows(N2)).isFalse();
    hear(n2(3, 6, MemberStatus.UP));
    assertThat(knows(N2)).as("a slow peer's old state does not bring it back").isFalse();
  }

  @Test
  void aLeavingMemberStillHeartbeatingIsKept() {
    for (int second = 0; second < GRACE / 1000 + 10; second += 1) {
      hear(n2(3, 5 + second, MemberStatus.LEAVING));
      clock.advance(1000);
      node.runRound();
    }
    assertThat(node.isAlive(N2)).isTrue();
  }

  @Test
  void tombstonesAreBoundedInNumber() {
    ForgottenMembers tombstones = new ForgottenMembers(clock, Duration.ofMillis(GRACE), 3);
    for (int i = 0; i < 10; i++) {
      tombstones.forget(NodeId.of("m" + i), 1);
    }
    assertThat(tombstones.size()).isEqualTo(3);
    assertThat(tombstones.blocks(NodeId.of("m9"), 1)).isTrue();
    assertThat(tombstones.blocks(NodeId.of("m0"), 1)).as("the oldest made room").isFalse();
  }
}
