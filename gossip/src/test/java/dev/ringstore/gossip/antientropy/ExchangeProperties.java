package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For any two replicas — a shared set of keys, then independent changes, additions and losses on
 * either side — and any tree shape, the exchange finds exactly the keys whose digests differ, on
 * both sides, and nothing else.
 */
class ExchangeProperties {
  private static final int BUCKET = 3;

  @Provide
  Arbitrary<Map<String, Integer>> versions() {
    Arbitrary<String> keys =
        Arbitraries.strings()
            .withCharRange('a', 'e')
            .withChars('é', 'ÿ', '\u0001')
            .ofMinLength(1)
            .ofMaxLength(5);
    return Arbitraries.maps(keys, Arbitraries.integers().between(-1, 3)).ofMaxSize(300);
  }

  @Property(tries = 300)
  void theExchangeFindsExactlyTheSymmetricDifference(
      @ForAll("versions") Map<String, Integer> shared,
      @ForAll("versions") Map<String, Integer> changesOnA,
      @ForAll("versions") Map<String, Integer> changesOnB,
      @ForAll @IntRange(min = 1, max = 9) int segmentBits,
      @ForAll @IntRange(min = 1, max = 4) int fanoutBits) {
    MemoryReplica a = new MemoryReplica(new TreeShape(segmentBits, fanoutBits));
    store(a, shared);
    MemoryReplica b = a.copy();
    store(a, changesOnA);
    store(b, changesOnB);

    AntiEntropySession initiator =
        AntiEntropySession.initiator(BUCKET, a.tree(BUCKET), a.source(BUCKET));
    AntiEntropySession responder =
        AntiEntropySession.responder(BUCKET, b.tree(BUCKET), b.source(BUCKET));
    AntiEntropyExchange.Transcript transcript =
        AntiEntropyExchange.runInMemory(initiator, responder);

    List<KeyDifference> expected = a.differencesFrom(b, BUCKET);
    assertThat(initiator.differences()).containsExactlyElementsOf(expected);
    assertThat(responder.differences()).containsExactlyElementsOf(b.differencesFrom(a, BUCKET));
    if (expected.isEmpty()) {
      assertThat(transcript.messages()).isEqualTo(2);
    }
  }

  /** Version -1 removes the key; 0..3 are four different versions. */
  private static void store(MemoryReplica replica, Map<String, Integer> versions) {
    versions.forEach(
        (key, version) ->
            replica.put(
                BUCKET,
                key.getBytes(StandardCharsets.UTF_8),
                version < 0 ? null : new VersionDigest(version, ~version)));
  }
}
