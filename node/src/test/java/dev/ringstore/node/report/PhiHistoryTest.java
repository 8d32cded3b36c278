package dev.ringstore.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.MemberState;
import dev.ringstore.gossip.MemberStatus;
import dev.ringstore.gossip.MemberView;
import dev.ringstore.gossip.Membership;
import dev.ringstore.gossip.MembershipListener;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Phi per member under a manual clock: one value per step, the last minute only. */
@Timeout(30)
class PhiHistoryTest {
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
  private final List<MemberView> members = new ArrayList<>();
  private final PhiHistory history = new PhiHistory(new FixedMembership(members), clock);

  private static MemberView member(NodeId id, double phi) {
    return new MemberView(
        MemberState.initial(id, "127.0.0.1:7000", null, 1, MemberStatus.UP),
        true,
        phi,
        Optional.empty());
  }

  private void step(double n2, double n3) {
    members.clear();
    members.add(member(N2, n2));
    members.add(member(N3, n3));
    now.addAndGet(2_000);
    history.sample();
  }

  @Test
  void keepsEachMembersPhiOldestFirstOverTheLastMinute() {
    for (int i = 1; i <= 40; i++) {
      step(i, -i);
    }
    List<Double> n2 = history.history(N2);
    assertThat(n2).hasSize(30).startsWith(11.0, 12.0).endsWith(39.0, 40.0);
    assertThat(history.history(N3)).hasSize(30).endsWith(-40.0);

    now.addAndGet(50_000); // a stalled timer: what is over a minute old goes
    members.clear();
    members.add(member(N2, 0.5));
    history.sample();
    assertThat(history.history(N2)).containsExactly(36.0, 37.0, 38.0, 39.0, 40.0, 0.5);
    assertThat(history.history(N3)).as("a member gossip forgot").isEmpty();
  }

  @Test
  void aPhiJsonCannotCarryBecomesTheLargestDouble() {
    members.add(member(N2, Double.POSITIVE_INFINITY));
    history.sample();
    assertThat(history.history(N2)).containsExactly(Double.MAX_VALUE);
    assertThat(history.history(NodeId.of("n9"))).isEmpty();
  }

  /** The members a test sets, as gossip would report them. */
  private record FixedMembership(List<MemberView> members) implements Membership {
    @Override
    public NodeId self() {
      return NodeId.of("n1");
    }

    @Override
    public Optional<MemberView> member(NodeId id) {
      return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public boolean isAlive(NodeId id) {
      return true;
    }

    @Override
    public long newestTableVersion() {
      return 0;
    }

    @Override
    public void addListener(MembershipListener listener) {}

    @Override
    public void removeListener(MembershipListener listener) {}
  }
}
