package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One exchange at a time, messages delivered by hand. */
@Timeout(30)
class GossiperTest {
  private record Sent(String address, GossipMessage message) {}

  private final SimulatedClock clock = new SimulatedClock(1_000_000L);
  private final Queue<Sent> wire = new ArrayDeque<>();
  private final Map<String, Gossiper> byAddress = new HashMap<>();
  private final List<String> events = new ArrayList<>();

  private Gossiper node(String id, long generation, String... seeds) {
    MemberState self =
        MemberState.initial(NodeId.of(id), id + ":7000", "z1", generation, MemberStatus.JOINING);
    Gossiper gossiper =
        new Gossiper(
            self,
            List.of(seeds),
            (address, message) -> wire.add(new Sent(address, message)),
            clock,
            new SplittableRandom(1),
            GossipSettings.DEFAULTS);
    byAddress.put(self.address(), gossiper);
    gossiper.addListener(recorder(id));
    return gossiper;
  }

  private MembershipListener recorder(String observer) {
    return new MembershipListener() {
      @Override
      public void onJoined(MemberView m) {
        events.add(observer + " joined " + m.id());
      }

      @Override
      public void onUp(MemberView m) {
        events.add(observer + " up " + m.id());
      }

      @Override
      public void onDown(MemberView m) {
        events.add(observer + " down " + m.id());
      }

      @Override
      public void onRestarted(MemberView m) {
        events.add(observer + " restarted " + m.id() + " gen " + m.generation());
      }

      @Override
      public void onChanged(MemberView m) {
        events.add(observer + " changed " + m.id() + " " + m.state().status());
      }
    };
  }

  /** Delivers everything on the wire, and what that sends, until the wire is empty. */
  private List<String> deliverAll() {
    List<String> kinds = new ArrayList<>();
    while (!wire.isEmpty()) {
      Sent sent = wire.poll();
      kinds.add(sent.message().getClass().getSimpleName() + "->" + sent.address());
      Gossiper target = byAddress.get(sent.address());
      if (target != null) {
        target.receive(sent.message());
      }
    }
    return kinds;
  }

  @Test
  void aNewNodeAndItsSeedLearnEachOtherInOneSynAckAck2Exchange() {
    Gossiper seed = node("n1", 5);
    Gossiper joiner = node("n2", 7, "n1:7000");

    joiner.runRound();

    assertThat(deliverAll()).containsExactly("Syn->n1:7000", "Ack->n2:7000", "Ack2->n1:7000");
    assertThat(joiner.member(NodeId.of("n1"))).map(MemberView::generation).contains(5L);
    assertThat(seed.member(NodeId.of("n2"))).map(MemberView::address).contains("n2:7000");
    assertThat(seed.isAlive(NodeId.of("n2"))).isTrue();
    assertThat(events).containsExactly("n2 joined n1", "n1 joined n2");
  }

  @Test
  void aStatusChangeIsGossipedAndDownIsNeverSaid() {
    Gossiper a = node("n1", 1);
    Gossiper b = node("n2", 1, "n1:7000");
    b.runRound();
    deliverAll();

    b.setStatus(MemberStatus.UP);
    b.setTableVersion(17);
    b.setTableVersion(3); // older than known: ignored
    b.runRound();
    deliverAll();

    MemberView seen = a.member(NodeId.of("n2")).orElseThrow();
    assertThat(seen.status()).isEqualTo(MemberStatus.UP);
    assertThat(seen.state().tableVersion()).isEqualTo(17);
    assertThat(a.newestTableVersion()).isEqualTo(17);
    assertThat(events).contains("n1 changed n2 UP");
    assertThatThrownBy(() -> b.setStatus(MemberStatus.DOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSilentMemberIsJudgedDownLocallyAndARestartWithAHigherGenerationBringsItBack() {
    Gossiper a = node("n1", 1);
    node("n2", 1, "n1:7000").runRound();
    deliverAll();

    clock.advance(10_000);
    a.runRound(); // judges n2 down, then also gossips with it (unreachable) and the wire loses it
    wire.clear();
    assertThat(a.isAlive(NodeId.of("n2"))).isFalse();
    assertThat(a.member(NodeId.of("n2")).orElseThrow().status()).isEqualTo(MemberStatus.DOWN);
    assertThat(a.member(NodeId.of("n2")).orElseThrow().phi()).isGreaterThan(8);
    assertThat(a.member(NodeId.of("n2")).orElseThrow().downSince()).contains(clock.instant());

    Gossiper restarted = node("n2", 2, "n1:7000");
    restarted.runRound();
    deliverAll();

    assertThat(a.isAlive(NodeId.of("n2"))).isTrue();
    assertThat(a.member(NodeId.of("n2")).orElseThrow().generation()).isEqualTo(2);
    assertThat(a.member(NodeId.of("n2")).orElseThrow().downSince()).isEmpty();
    assertThat(a.members()).hasSize(2);
    assertThat(events).containsSubsequence("n1 down n2", "n1 restarted n2 gen 2", "n1 up n2");
    assertThat(events.stream().filter("n1 joined n2"::equals)).hasSize(1);
  }

  @Test
  void aStateOfAnOlderGenerationNeverReplacesANewerOne() {
    Gossiper a = node("n1", 1);
    MemberState newer = MemberState.initial(NodeId.of("n2"), "n2:7000", null, 9, MemberStatus.UP);
    MemberState stale =
        new MemberState(
            NodeId.of("n2"), "n2:7000", null, 8, 500, MemberStatus.LEAVING, 0, LoadSummary.EMPTY);
    a.receive(new GossipMessage.Ack2(NodeId.of("n3"), "n3:7000", Optional.empty(), List.of(newer)));
    a.receive(new GossipMessage.Ack2(NodeId.of("n3"), "n3:7000", Optional.empty(), List.of(stale)));

    assertThat(a.member(NodeId.of("n2")).orElseThrow().state()).isEqualTo(newer);
    assertThat(newer.withStatus(MemberStatus.LEAVING).isNewerThan(newer)).isTrue();
    assertThat(stale.isNewerThan(newer)).isFalse();
  }

  @Test
  void aMessageMeantForAnotherNodeAtThisAddressIsDropped() {
    Gossiper a = node("n1", 1);
    MemberState n2 = MemberState.initial(NodeId.of("n2"), "n2:7000", null, 1, MemberStatus.UP);
    a.receive(
        new GossipMessage.Ack2(
            NodeId.of("n2"), "n2:7000", Optional.of(NodeId.of("n9")), List.of(n2)));
    assertThat(a.members()).extracting(MemberView::id).containsExactly(NodeId.of("n1"));
  }

  @Test
  void aNodeWhoseStateWasResetWithoutANewGenerationJumpsPastItsOldVersion() {
    Gossiper a = node("n1", 1);
    MemberState remembered =
        new MemberState(
            NodeId.of("n1"), "n1:7000", "z1", 1, 500, MemberStatus.UP, 0, LoadSummary.EMPTY);
    a.receive(
        new GossipMessage.Ack2(NodeId.of("n2"), "n2:7000", Optional.empty(), List.of(remembered)));
    assertThat(a.localState().version()).isGreaterThan(500);
    assertThat(a.localState().status()).isEqualTo(MemberStatus.JOINING);
  }

  @Test
  void aListenerThatThrowsDoesNotStopGossip() {
    Gossiper seed = node("n1", 1);
    seed.addListener(
        new MembershipListener() {
          @Override
          public void onJoined(MemberView member) {
            throw new IllegalStateException("listener bug");
          }
        });
    node("n2", 1, "n1:7000").runRound();
    deliverAll();
    assertThat(seed.isAlive(NodeId.of("n2"))).isTrue();
  }
}
