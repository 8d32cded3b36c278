package dev.ringstore.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The binary and JSON forms of a table round-trip, and damaged forms are rejected clearly. */
class BucketTableFormsProperties {
  private final BucketTableJson json = new BucketTableJson(new ObjectMapper());

  @Property(tries = 60)
  void binaryAndJsonFormsRoundTrip(
      @ForAll @IntRange(min = 1, max = 12) int nodes,
      @ForAll @IntRange(min = 0, max = 3) int zones,
      @ForAll @IntRange(min = 1, max = 5) int replicas,
      @ForAll @IntRange(min = 0, max = 11) int bucketBits,
      @ForAll @LongRange(min = 1, max = 1_000_000) long version) {
    Assume.that(zones <= nodes);
    BucketTable table =
        BucketTable.initial(
                Tables.members(nodes, zones), new RingSettings(1 << bucketBits, replicas, 16))
            .withVersion(version);

    assertThat(BucketTableBinary.decode(BucketTableBinary.encode(table))).isEqualTo(table);
    assertThat(json.fromJson(json.toJson(table, true).toString())).isEqualTo(table);
  }

  @Property(tries = 100)
  void damagedBinaryFormIsRejected(
      @ForAll @IntRange(min = 0, max = 10_000) int cut,
      @ForAll @IntRange(min = 0, max = 255) int flip) {
    byte[] encoded =
        BucketTableBinary.encode(BucketTable.initial(Tables.members(4, 2), RingSettings.DEFAULTS));
    byte[] truncated = Arrays.copyOf(encoded, cut % encoded.length);
    assertThatThrownBy(() -> BucketTableBinary.decode(truncated))
        .isInstanceOf(InvalidRingException.class);
    byte[] corrupted = encoded.clone();
    corrupted[cut % encoded.length] ^= (byte) (flip | 1);
    assertThatThrownBy(() -> BucketTableBinary.decode(corrupted))
        .isInstanceOf(InvalidRingException.class);
  }

  @Test
  @Timeout(60)
  void malformedJsonNamesWhatIsWrong() {
    assertThatThrownBy(() -> json.fromJson("{nope"))
        .isInstanceOf(InvalidRingException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> json.fromJson("{\"buckets\": 3, \"replicas\": 1}"))
        .isInstanceOf(InvalidRingException.class)
        .hasMessageContaining("power of two");
    assertThatThrownBy(
            () ->
                json.fromJson(
                    "{\"buckets\": 1, \"replicas\": 1, \"nodes\": [{\"id\": \"n1\"}],"
                        + " \"table\": [[\"n2\"]]}"))
        .isInstanceOf(InvalidRingException.class)
        .hasMessageContaining("unknown node");
  }

  @Test
  @Timeout(60)
  void aThousandBucketTableOfTenNodesIsSmall() {
    byte[] encoded =
        BucketTableBinary.encode(BucketTable.initial(Tables.members(10, 3), RingSettings.DEFAULTS));
    assertThat(encoded.length).isLessThan(8 * 1024);
  }
}
