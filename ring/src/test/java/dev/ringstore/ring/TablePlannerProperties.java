package dev.ringstore.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Movement properties of planned changes: joins move little, leaves move only what they must. */
class TablePlannerProperties {

  @Property(tries = 150)
  void joiningOneNodeMovesAtMostTwentyPercentOverIdealAllToTheNewNode(
      @ForAll @IntRange(min = 3, max = 16) int nodes,
      @ForAll @IntRange(min = 0, max = 4) int zones,
      @ForAll @IntRange(min = 1, max = 5) int replicas) {
    Assume.that(zones <= nodes);
    RingSettings settings =
        new RingSettings(RingSettings.DEFAULT_BUCKETS, replicas, RingSettings.DEFAULT_TOKENS);
    BucketTable before = BucketTable.initial(Tables.members(nodes, zones), settings);
    Member joiner =
        zones == 0
            ? Member.of("n" + (nodes + 1))
            : Member.of("n" + (nodes + 1), Tables.smallestZone(before));

    TablePlan plan = TablePlanner.plan(before, new MembershipChange.Add(List.of(joiner)));

    double ideal = (double) replicas * settings.buckets() / (nodes + 1);
    assertThat(plan.moves().size()).isLessThanOrEqualTo((int) Math.floor(1.2 * ideal));
    assertThat(plan.moves()).allSatisfy(move -> assertThat(move.to()).isEqualTo(joiner.id()));
    assertMovesExplainTheDifference(plan);
    assertThat(plan.after().version()).isEqualTo(before.version() + 1);
    BucketTableProperties.assertListsWellFormed(plan.after());
    assertThat(Tables.maxOverMean(plan.after())).isLessThanOrEqualTo(1.15);
  }

  @Property(tries = 150)
  void removingANodeMovesOnlyTheReplicasItHeld(
      @ForAll @IntRange(min = 2, max = 16) int nodes,
      @ForAll @IntRange(min = 0, max = 4) int zones,
      @ForAll @IntRange(min = 1, max = 5) int replicas,
      @ForAll @IntRange(min = 1, max = 16) int leaverNumber) {
    Assume.that(zones <= nodes && leaverNumber <= nodes);
    BucketTable before =
        BucketTable.initial(
            Tables.members(nodes, zones),
            new RingSettings(RingSettings.DEFAULT_BUCKETS, replicas, RingSettings.DEFAULT_TOKENS));
    NodeId leaver = NodeId.of("n" + leaverNumber);

    TablePlan plan = TablePlanner.plan(before, new MembershipChange.Remove(leaver));

    assertThat(plan.moves()).hasSize(before.replicaCounts().get(leaver));
    assertThat(plan.moves()).allSatisfy(move -> assertThat(move.from()).isEqualTo(leaver));
    assertThat(plan.after().member(leaver)).isEmpty();
    assertMovesExplainTheDifference(plan);
    BucketTableProperties.assertListsWellFormed(plan.after());
  }

  @Property(tries = 40)
  void joiningSeveralNodesAtOnceMovesEveryReplicaToANewNode(
      @ForAll @IntRange(min = 1, max = 12) int nodes,
      @ForAll @IntRange(min = 1, max = 5) int joining) {
    BucketTable before = BucketTable.initial(Tables.members(nodes, 0), RingSettings.DEFAULTS);
    List<Member> joiners = Tables.members(nodes + 1, joining, 0);

    TablePlan plan = TablePlanner.plan(before, new MembershipChange.Add(joiners));

    List<NodeId> joinerIds = joiners.stream().map(Member::id).toList();
    assertThat(plan.moves()).allSatisfy(move -> assertThat(joinerIds).contains(move.to()));
    assertMovesExplainTheDifference(plan);
    BucketTableProperties.assertListsWellFormed(plan.after());
    if (nodes + joining >= 3) {
      assertThat(Tables.maxOverMean(plan.after())).isLessThanOrEqualTo(1.15);
    }
  }

  @Test
  @Timeout(60)
  void replacingANodeHandsOverExactlyItsReplicas() {
    BucketTable before = BucketTable.initial(Tables.members(6, 3), RingSettings.DEFAULTS);
    Member replacement = Member.of("n9", "z2");

    TablePlan plan =
        TablePlanner.plan(before, new MembershipChange.Replace(NodeId.of("n2"), replacement));

    assertThat(plan.moves()).hasSize(before.replicaCounts().get(NodeId.of("n2")));
    assertThat(plan.after().replicaCounts().get(replacement.id()))
        .isEqualTo(before.replicaCounts().get(NodeId.of("n2")));
    assertMovesExplainTheDifference(plan);
    BucketTableProperties.assertListsWellFormed(plan.after());
  }

  @Test
  @Timeout(60)
  void leavingTheLastNodeOfAZoneKeepsListsSpreadOverTheZonesLeft() {
    // n1 z1, n2 z2, n3 z3, n4 z1 with N = 2: once n2 leaves, z2 is gone, and an heir from z1 for a
    // bucket held by n2 and n4 would leave that bucket in one zone.
    BucketTable before =
        BucketTable.initial(
            Tables.members(4, 3), new RingSettings(RingSettings.DEFAULT_BUCKETS, 2, 64));

    TablePlan plan = TablePlanner.plan(before, new MembershipChange.Remove(NodeId.of("n2")));

    BucketTableProperties.assertListsWellFormed(plan.after());
    assertMovesExplainTheDifference(plan);
  }

  @Test
  @Timeout(60)
  void aNodeBringingANewZoneJoinsEveryListThatMustSpanIt() {
    BucketTable before = BucketTable.initial(Tables.members(4, 2), RingSettings.DEFAULTS);
    Member joiner = Member.of("n5", "z3");

    TablePlan plan = TablePlanner.plan(before, new MembershipChange.Add(List.of(joiner)));

    BucketTableProperties.assertListsWellFormed(plan.after());
    assertThat(plan.after().replicaCounts().get(joiner.id())).isEqualTo(before.bucketCount());
    assertThat(plan.moves()).allSatisfy(move -> assertThat(move.to()).isEqualTo(joiner.id()));
    assertMovesExplainTheDifference(plan);
  }

  @Test
  @Timeout(60)
  void badChangesAreRejectedWithTheReason() {
    BucketTable table = BucketTable.initial(Tables.members(3, 0), RingSettings.DEFAULTS);
    assertThatThrownBy(() -> TablePlanner.plan(table, new MembershipChange.Remove(NodeId.of("n9"))))
        .isInstanceOf(InvalidRingException.class)
        .hasMessage("node n9 is not a member");
    assertThatThrownBy(
            () -> TablePlanner.plan(table, new MembershipChange.Add(List.of(Member.of("n2")))))
        .isInstanceOf(InvalidRingException.class)
        .hasMessage("node n2 is already a member");
    assertThatThrownBy(
            () ->
                TablePlanner.plan(table, new MembershipChange.Add(List.of(Member.of("n4", "z1")))))
        .isInstanceOf(InvalidRingException.class)
        .hasMessageContaining("has no zone while others do");
    BucketTable single = BucketTable.initial(Tables.members(1, 0), RingSettings.DEFAULTS);
    assertThatThrownBy(
            () -> TablePlanner.plan(single, new MembershipChange.Remove(NodeId.of("n1"))))
        .isInstanceOf(InvalidRingException.class)
        .hasMessageContaining("the last node");
  }

  /**
   * Replaying the moves on the old table, slot by slot, gives the new table's node sets: nothing
   * moved that the plan does not list, and every listed move happened.
   */
  static void assertMovesExplainTheDifference(TablePlan plan) {
    List<List<NodeId>> replayed = new ArrayList<>();
    for (int b = 0; b < plan.before().bucketCount(); b++) {
      replayed.add(new ArrayList<>(plan.before().preferenceList(b).nodes()));
    }
    for (BucketMove move : plan.moves()) {
      List<NodeId> list = replayed.get(move.bucket());
      if (move.from() == null) {
        list.add(move.to());
      } else if (move.to() == null) {
        assertThat(list.remove(move.from())).isTrue();
      } else {
        int slot = list.indexOf(move.from());
        assertThat(slot).as("move %s", move).isGreaterThanOrEqualTo(0);
        list.set(slot, move.to());
      }
    }
    for (int b = 0; b < plan.after().bucketCount(); b++) {
      assertThat(plan.after().preferenceList(b).nodes())
          .as("bucket %d", b)
          .isEqualTo(replayed.get(b));
    }
  }
}
