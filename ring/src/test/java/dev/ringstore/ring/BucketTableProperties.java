package dev.ringstore.ring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Placement properties of fresh tables: list shape, zones, balance and determinism. */
class BucketTableProperties {

  @Property(tries = 200)
  void everyListHasMinNSDistinctNodesOverMinNZonesDistinctZones(
      @ForAll @IntRange(min = 1, max = 20) int nodes,
      @ForAll @IntRange(min = 0, max = 6) int zones,
      @ForAll @IntRange(min = 1, max = 6) int replicas,
      @ForAll @IntRange(min = 0, max = 10) int bucketBits,
      @ForAll @IntRange(min = 1, max = 64) int tokens) {
    Assume.that(zones <= nodes);
    BucketTable table =
        BucketTable.initial(
            Tables.members(nodes, zones), new RingSettings(1 << bucketBits, replicas, tokens));
    assertListsWellFormed(table);
  }

  @Property(tries = 150)
  void balanceAtDefaultBucketsIsWithinFifteenPercent(
      @ForAll @IntRange(min = 3, max = 16) int nodes,
      @ForAll @IntRange(min = 0, max = 4) int zones,
      @ForAll @IntRange(min = 1, max = 5) int replicas) {
    Assume.that(zones <= nodes);
    BucketTable table =
        BucketTable.initial(
            Tables.members(nodes, zones),
            new RingSettings(RingSettings.DEFAULT_BUCKETS, replicas, RingSettings.DEFAULT_TOKENS));
    assertThat(Tables.maxOverMean(table)).isLessThanOrEqualTo(1.15);
  }

  /**
   * Fresh tables order their lists by {@link Balancer#balancePrimaries}, not by the planner's last
   * step, so they are held to the same bound as planned ones.
   */
  @Property(tries = 100)
  void primariesAreWithinTenPercentOfTheMeanToo(
      @ForAll @IntRange(min = 1, max = 16) int nodes,
      @ForAll @IntRange(min = 0, max = 4) int zones,
      @ForAll @IntRange(min = 1, max = 5) int replicas) {
    Assume.that(zones <= nodes);
    BucketTable table =
        BucketTable.initial(
            Tables.members(nodes, zones),
            new RingSettings(RingSettings.DEFAULT_BUCKETS, replicas, RingSettings.DEFAULT_TOKENS));
    assertThat(Tables.primariesMaxOverMean(table)).isLessThanOrEqualTo(1.10);
  }

  @Test
  @Timeout(60)
  void balanceOfTwoHundredNodesAtSixteenThousandBuckets() {
    for (int zones : new int[] {0, 5}) {
      BucketTable table =
          BucketTable.initial(
              Tables.members(200, zones), new RingSettings(16_384, 3, RingSettings.DEFAULT_TOKENS));
      assertListsWellFormed(table);
      assertThat(Tables.maxOverMean(table)).as("zones=%d", zones).isLessThanOrEqualTo(1.15);
    }
  }

  @Property(tries = 30)
  void sameInputsGiveTheSameTableWhateverTheMemberOrder(
      @ForAll @IntRange(min = 1, max = 16) int nodes,
      @ForAll @IntRange(min = 0, max = 3) int zones,
      @ForAll long seed) {
    Assume.that(zones <= nodes);
    List<Member> members = new ArrayList<>(Tables.members(nodes, zones));
    BucketTable first = BucketTable.initial(members, RingSettings.DEFAULTS);
    Collections.shuffle(members, new Random(seed));
    assertThat(BucketTable.initial(members, RingSettings.DEFAULTS)).isEqualTo(first);
  }

  /**
   * Pins the table of one configuration to a checksum, so a change of hash function, tie-break or
   * iteration order (anything that would give two machines different tables) fails here.
   */
  @Test
  @Timeout(60)
  void tableOfAFixedClusterIsTheSameOnEveryMachine() {
    BucketTable table = BucketTable.initial(Tables.members(10, 3), RingSettings.DEFAULTS);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(BucketTableBinary.encode(table));
    assertThat(Long.toHexString(crc.getValue())).isEqualTo(GOLDEN_10_NODES_3_ZONES);
  }

  static final String GOLDEN_10_NODES_3_ZONES = "d13c2504";

  @Test
  @Timeout(60)
  void keysMapToTheSameBucketOnEveryMachine() {
    RingSettings settings = RingSettings.DEFAULTS;
    assertThat(settings.bucketOf("user:42".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(GOLDEN_BUCKET_OF_USER_42);
    assertThat(new RingSettings(1, 3, 1).bucketOf(new byte[] {1, 2, 3})).isZero();
  }

  static final int GOLDEN_BUCKET_OF_USER_42 = 820;

  @Test
  @Timeout(60)
  void keysSpreadEvenlyOverBuckets() {
    RingSettings settings = RingSettings.DEFAULTS;
    int[] counts = new int[settings.buckets()];
    for (int i = 0; i < 1_024_000; i++) {
      counts[settings.bucketOf(("key-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))]++;
    }
    // 1,000 keys a bucket on average; a bucket holding 20% more or less would be a bad hash.
    assertThat(java.util.Arrays.stream(counts).max().orElseThrow()).isLessThan(1200);
    assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isGreaterThan(800);
  }

  static void assertListsWellFormed(BucketTable table) {
    int nodes = table.members().size();
    int size = Math.min(table.settings().replicas(), nodes);
    int zonesNeeded = Math.min(size, Tables.zoneCount(table));
    for (int b = 0; b < table.bucketCount(); b++) {
      PreferenceList list = table.preferenceList(b);
      assertThat(list.nodes()).as("bucket %d", b).hasSize(size).doesNotHaveDuplicates();
      Set<String> zones = new HashSet<>();
      for (NodeId id : list.nodes()) {
        table.member(id).orElseThrow().zoneName().ifPresent(zones::add);
      }
      assertThat(zones).as("zones of bucket %d", b).hasSize(zonesNeeded);
    }
  }
}
