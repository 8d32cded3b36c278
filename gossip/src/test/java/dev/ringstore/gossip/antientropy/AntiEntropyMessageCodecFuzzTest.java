package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Differences;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.NodeHashes;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Roots;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.RootsDiffer;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.SegmentEntries;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as an anti-entropy message from a peer: {@link AntiEntropyMessageCodec#decode}
 * either refuses them with {@link InvalidAntiEntropyMessageException} or returns a message that
 * keeps the promises its type documents (indices strictly increasing, keys in order) and encodes
 * back to the very same bytes.
 */
@Timeout(60)
class AntiEntropyMessageCodecFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void anyBytesDecodeToAValidMessageOrAreRefused(byte[] bytes) {
    AntiEntropyMessage message;
    try {
      message = AntiEntropyMessageCodec.decode(bytes);
    } catch (InvalidAntiEntropyMessageException expected) {
      return;
    }
    if (message instanceof NodeHashes nodes) {
      assertStrictlyIncreasing(nodes.parents());
    } else if (message instanceof SegmentEntries entries) {
      assertStrictlyIncreasing(entries.segments());
      assertKeyOrder(entries.entries());
    } else if (message instanceof Differences differences) {
      assertStrictlyIncreasing(differences.positions());
      assertKeyOrder(differences.missing());
    } else if (message instanceof Roots roots) {
      assertStrictlyIncreasing(roots.buckets());
    } else if (message instanceof RootsDiffer differ) {
      assertStrictlyIncreasing(differ.buckets());
    }
    assertThat(AntiEntropyMessageCodec.encode(message)).isEqualTo(bytes);
    assertThat(AntiEntropyMessageCodec.decode(bytes)).isEqualTo(message);
  }

  private static void assertStrictlyIncreasing(List<Integer> indices) {
    for (int i = 1; i < indices.size(); i++) {
      assertThat(indices.get(i)).as("index %d of %s", i, indices).isGreaterThan(indices.get(i - 1));
    }
    indices.forEach(index -> assertThat(index).isNotNegative());
  }

  private static void assertKeyOrder(List<KeyVersion> entries) {
    for (int i = 1; i < entries.size(); i++) {
      assertThat(KeyVersion.KEY_ORDER.compare(entries.get(i - 1), entries.get(i))).isNegative();
    }
  }
}
