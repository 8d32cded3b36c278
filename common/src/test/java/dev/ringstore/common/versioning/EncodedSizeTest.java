package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The context sizes docs/versioning.md quotes, for actors {@code n1..nK} with random incarnations.
 * The incarnation is fixed-width, so sizes depend only on node id lengths and counters.
 */
@Timeout(10)
class EncodedSizeTest {
  @ParameterizedTest(name = "{0} actors, counters {1}: {2} bytes, {3} characters")
  @CsvSource({
    "1,       5, 14,  19",
    "3,       5, 38,  51",
    "5,       5, 62,  83",
    "1, 1000000, 16,  22",
    "3, 1000000, 44,  59",
    "5, 1000000, 72,  96",
  })
  void contextSize(int actors, long counter, int bytes, int characters) {
    Random random = new Random(actors * 31L + counter);
    TreeMap<ActorId, Long> counters = new TreeMap<>();
    for (int i = 1; i <= actors; i++) {
      counters.put(ActorId.newIncarnation(NodeId.of("n" + i), random), counter);
    }
    CausalContext context = CausalContext.of(VersionVector.of(counters));

    assertThat(context.toBytes()).hasSize(bytes);
    assertThat(context.encode()).hasSize(characters);
  }

  @ParameterizedTest(name = "{0} actors, one {1}-byte sibling: {2} bytes stored")
  @CsvSource({
    "1, 100, 125",
    "3, 100, 149",
    "5, 100, 173",
  })
  void storedSetSize(int actors, int valueBytes, int bytes) {
    Random random = new Random(actors);
    DottedVersionVectorSet set = DottedVersionVectorSet.empty();
    for (int i = 1; i <= actors; i++) {
      ActorId actor = ActorId.newIncarnation(NodeId.of("n" + i), random);
      set = set.update(set.context(), new byte[valueBytes], 1_700_000_000_000L + i, actor);
    }

    assertThat(set.size()).isEqualTo(1);
    assertThat(DottedVersionVectorSetCodec.encode(set)).hasSize(bytes);
  }
}
